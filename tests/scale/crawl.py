"""A small fictional crawl written as WARC files: one wire story run by its agency and two
republishers (new headline, a local paragraph added, one trimmed), two unrelated stories,
records that are no pages, and one response whose body does not decompress."""

from __future__ import annotations

import gzip
from functools import partial
from pathlib import Path

from fastwarc.warc import WarcRecordType

from tests.ingest.warcs import warc_record

WIRE = [
    ("The port authority of Brindlemouth said on Tuesday that the northern ferry terminal "
    "would close for six weeks while engineers replace the pilings under the main quay."),
    ("Harbour master Odile Ferrant told reporters the closure was unavoidable after divers "
    "found that salt water had eaten through the steel sleeves of a dozen supports."),
    ("“We cannot ask passengers to stand on a pier that we would not stand on ourselves,” "
    "Ferrant said, adding that crossings to the islands would run from the south terminal."),
    ("The council of the island of Skerrow, which depends on the ferry for food and fuel, "
    "asked the authority to add an extra sailing each evening during the works."),
    ("Engineers expect the new pilings, cast in concrete on the mainland, to last forty "
    "years, and the authority put the cost of the repairs at eleven million crowns."),
    ("Shipping firms that use the northern quay for freight will be offered berths at the "
    "old timber wharf, which was reopened last spring after its own repairs."),
]
LOCAL = ("Readers of the Kestrel Gazette will remember that the same quay was shut for a "
         "week in the storms of last winter, when a trawler broke loose from its moorings.")
OTHER_A = [
    ("The orchestra of the city of Varnholt gave its first concert in the rebuilt music hall "
    "on Saturday, three years after a fire destroyed the roof and the organ."),
    ("Conductor Ilse Marrow chose a programme of works written for the hall's opening a "
    "century ago, and the audience stood for ten minutes at the end of the evening."),
    ("The new organ, built by a workshop in the hills above the city, has four thousand "
    "pipes and took two years to voice, the hall's director said after the concert."),
    ("Tickets for the autumn season went on sale on Monday and sold out within a day, "
    "the box office reported, with a waiting list for every concert until December."),
]
OTHER_B = [
    ("Farmers in the valley of the Tesk river began the grape harvest a fortnight early "
    "this year after the warmest summer that the regional weather office has recorded."),
    ("Growers said the fruit was small but sweet, and the cooperative at Lannoch expects "
    "its wines from this vintage to be stronger than usual, its chairman said."),
    ("Pickers from the towns along the river have been hired for longer than ever before, "
    "and the cooperative has opened a second press house to keep up with the loads."),
    ("The weather office said the dry weather would continue into October, and asked "
    "farmers to keep their irrigation to the early morning to spare the reservoirs."),
]


def page(title: str, site: str, paragraphs: list[str], published: str, byline: str = "") -> bytes:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    author = f'<meta name="author" content="{byline}">' if byline else ""
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="{site}">{author}'
        f'<meta property="article:published_time" content="{published}">'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


record = partial(warc_record, date="2026-03-04T10:00:00Z")


def response(body: bytes, content_type: str = "text/html; charset=utf-8",
             extra: str = "") -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{extra}\r\n".encode() + body


def first_file() -> list[bytes]:
    """The agency's own copy, a republisher's copy, and an unrelated story, with a request
    and an image between them."""
    return [
        record("https://wire.example/news/ferry-terminal",
               response(page("Ferry terminal to close for six weeks", "Associated Press",
                             WIRE, "2026-03-03"))),
        record("https://wire.example/news/ferry-terminal",
               b"GET /news/ferry-terminal HTTP/1.1\r\nHost: wire.example\r\n\r\n",
               kind=WarcRecordType.request),
        record("https://kestrel.example/2026/03/04/quay",
               response(page("Brindlemouth quay shut as divers find rusted supports",
                             "Kestrel Gazette", [*WIRE[:3], LOCAL, *WIRE[3:]], "2026-03-04"))),
        record("https://kestrel.example/logo.png", response(b"\x89PNG....", "image/png")),
        record("https://varnholt.example/music-hall",
               response(page("Music returns to Varnholt's rebuilt hall", "Varnholt Courier",
                             OTHER_A, "2026-03-02", "Pella Dunmore"))),
    ]


def second_file() -> list[bytes]:
    """A trimmed copy of the wire story, one more unrelated story, and a response whose
    gzip body is broken (a failure to report by name)."""
    return [
        record("https://herald.example/ferry",
               response(page("Northern ferry terminal closes", "Harbour Herald",
                             WIRE[:5], "2026-03-04")), date="2026-03-05T08:30:00Z"),
        record("https://herald.example/broken",
               response(b"\x1f\x8b\x08\x00 this is not gzip at all", extra="Content-Encoding: gzip\r\n"),
               date="2026-03-05T08:31:00Z"),
        record("https://tesk.example/harvest",
               response(page("Early grape harvest on the Tesk", "Tesk Valley News", OTHER_B,
                             "2026-03-05")), date="2026-03-05T09:00:00Z"),
    ]


def write_crawl(folder: Path) -> list[Path]:
    """Two WARC files: the first gzipped per record (as crawlers write them), the second plain."""
    folder.mkdir(parents=True, exist_ok=True)
    first = folder / "crawl-1.warc.gz"
    first.write_bytes(b"".join(gzip.compress(r) for r in first_file()))
    second = folder / "crawl-2.warc"
    second.write_bytes(b"".join(second_file()))
    return [first, second]


BROKEN_URL = "https://herald.example/broken"
