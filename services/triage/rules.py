"""Former home of the keyword classifier; its names now come from services.triage.classifier."""

from services.triage.classifier import CLASSIFIER_VERSION, Triage, classify

__all__ = ["CLASSIFIER_VERSION", "Triage", "classify"]
