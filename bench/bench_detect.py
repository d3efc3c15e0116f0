"""Scoring throughput on one core: short social-media texts in the four languages, with language
identification (the ingest path) and with the language given; target ≥ 5,000 comments/s."""

from __future__ import annotations

import random
import time

from crisisdesk_gui.core.detect import load_scorer

TARGET = 5_000

# Our own short texts; each run varies them with a number so no cache sees the same string twice.
TEXTS = [
    ("tr", "Siparişim 5 gündür gelmedi, müşteri hizmetleri telefonu açmıyor"),
    ("tr", "hiç memnun kalmadım, kimseye tavsiye etmiyorum"),
    ("tr", "Çok teşekkürler, kargo ertesi gün geldi, harika!"),
    ("tr", "siparisim hala gelmedi berbaaat"),
    ("pl", "Nie polecam, obsługa fatalna i nieuprzejma"),
    ("pl", "beznadziejna obsluga, czekalismy godzine na zimna pizze"),
    ("pl", "Paczka dotarła następnego dnia, wszystko super"),
    ("fi", "En suosittele, asiakaspalvelu oli surkea ja tyly"),
    ("fi", "tilaus ei tullut perille eika kukaan vastaa"),
    ("fi", "Kiitos nopeasta korjauksesta, erittäin ammattitaitoista"),
    ("en", "Still waiting for my refund after 6 weeks. Unacceptable 😡"),
    ("en", "not happy at all with the repair, never again!!!"),
    ("en", "Great service, the courier arrived early and was very friendly"),
    ("en", "Does anyone know if the store is open on Sundays?"),
]


def _run(n: int, *, with_lang: bool) -> float:
    scorer = load_scorer()
    rng = random.Random(7)
    batch = [(lang, f"{text} {rng.randrange(1_000_000)}") for lang, text in TEXTS] * (
        n // len(TEXTS)
    )
    batch = [(lang, f"{text} #{i}") for i, (lang, text) in enumerate(batch)]
    start = time.perf_counter()
    for lang, text in batch:
        scorer.score(text, lang=lang if with_lang else None)
    return len(batch) / (time.perf_counter() - start)


def main() -> int:
    start = time.perf_counter()
    load_scorer().score("warm up: ei toimi, nie działa, çalışmıyor, doesn't work", lang=None)
    for lang in ("tr", "pl", "fi", "en"):
        load_scorer().score("warm up", lang=lang)
    print(
        f"   first score (lexicons and lemma dictionaries loaded): "
        f"{time.perf_counter() - start:.2f} s"
    )
    _run(2_000, with_lang=False)  # fills the lemma caches as a running app would
    detected = _run(20_000, with_lang=False)
    given = _run(20_000, with_lang=True)
    print(
        f"   short texts, language detected: {detected:,.0f} comments/s "
        f"({detected / TARGET:.1f}× the {TARGET:,}/s target)"
    )
    print(
        f"   short texts, language given:    {given:,.0f} comments/s "
        f"({given / TARGET:.1f}× the target)"
    )
    return 0 if detected >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
