from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_000 = "000_f9a85ca6c4980ec5"
SEED_001 = "001_6aa9410e70b24e4d"


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def gold_events() -> list[dict]:
    return load_jsonl(FIXTURES / f"{SEED_000}.events.jsonl")


@pytest.fixture(scope="session")
def gold_actions() -> list[dict]:
    return load_jsonl(FIXTURES / "actions.jsonl")


@pytest.fixture(scope="session")
def seed_dataset():
    """The two converted-text seeds (samples/ also holds their French and Spanish versions)."""
    import pipeline

    return pipeline.run([SAMPLES / f"{seed}.txt" for seed in (SEED_000, SEED_001)])


@pytest.fixture(scope="session")
def all_samples():
    """Every sample in every format (text, Word, PDF, and their variants)."""
    import pipeline

    return pipeline.run([SAMPLES], jobs=2)
