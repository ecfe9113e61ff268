"""The consultation summary on paper: a :class:`planner.report.Report` as a PDF file or a printout.

The report is laid out as simple HTML (headings, paragraphs, lists and
tables; every text escaped) in a ``QTextDocument``, on A4 in landscape so the
month table fits, with page numbers in the footer. :func:`write_pdf` writes it
with ``QPdfWriter`` (nothing leaves the machine); :func:`print_report` sends it
to a printer the user chose. Nothing here computes: the words and the numbers
are the report's.
"""

from __future__ import annotations

import errno
import html
import math
import os

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from planner.i18n import _
from planner.report import Report
from planner.storage import write_atomically, write_text_atomically

MARGIN_MM = 12.0
SHORT = 16
"""A column whose values are at most this long (amounts, months) is never wrapped."""
FONT_POINTS = 8.75
"""Small enough for the ten columns of the month table on a landscape A4, large enough to read. (9 before the
chances section came in: with it, 8.75 and tighter paragraph margins keep a 12-month summary on three pages.)"""

_CSS = """
body { color: #1f1f1f; }
h1 { font-size: 16pt; margin: 0 0 2pt 0; }
h2 { font-size: 12pt; margin: 10pt 0 3pt 0; }
p { margin: 3pt 0 3pt 0; }
ul { margin: 3pt 0 3pt 0; }
p.sub { color: #444444; margin: 0 0 8pt 0; }
p.caption { color: #444444; font-size: 8pt; margin: 2pt 0 0 0; }
td.caption { color: #444444; font-size: 7.5pt; border-bottom: none; }
td.rules { font-size: 8pt; border-bottom: none; padding-right: 12px; }
table { border-collapse: collapse; }
th { background-color: #e8e8e8; text-align: left; padding: 3px 5px; font-weight: bold; }
td { padding: 2px 5px; border-bottom: 1px solid #cfcfcf; vertical-align: top; }
th.num, td.num { text-align: right; }
td.nw { white-space: nowrap; }
"""


def report_html(report: Report) -> str:
    """The report as HTML for a ``QTextDocument`` (every text of the report is escaped)."""
    e = html.escape
    parts = [f"<h1>{e(report.title)}</h1>", f'<p class="sub">{e(report.subtitle)}</p>']
    for section in report.sections:
        parts.append('<h2 style="page-break-before: always">' if section.new_page else "<h2>")
        parts.append(f"{e(section.title)}</h2>")
        parts += [f"<p>{e(p)}</p>" for p in section.paragraphs]
        if section.bullets and section.new_page:
            parts.append(_two_columns(["• " + b for b in section.bullets], "rules"))
        elif section.bullets:
            parts.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in section.bullets) + "</ul>")
        table = section.table
        if table is not None:
            widths = column_widths(table.headers, table.rows)
            # Short values (amounts, months) stay on one line; longer texts wrap.
            short = [max((len(row[i]) for row in table.rows), default=0) <= SHORT for i in range(len(table.headers))]

            def cls(i: int, cell: bool) -> str:
                names = (["num"] if table.numeric[i] else []) + (["nw"] if cell and short[i] else [])
                return f' class="{" ".join(names)}"' if names else ""

            head = "".join(f'<th scope="col"{cls(i, len(h) <= SHORT // 2)} width="{widths[i]}%">{e(h)}</th>'
                           for i, h in enumerate(table.headers))
            rows = "".join("<tr>" + "".join(f"<td{cls(i, True)}>{e(c)}</td>" for i, c in enumerate(row)) + "</tr>"
                           for row in table.rows)
            parts.append(f'<table width="100%" cellspacing="0"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
            if table.caption:
                parts.append(f'<p class="caption">{e(table.caption)}</p>')
        if section.after:
            head, *items = section.after
            parts.append(f'<p class="caption">{e(head)}</p>' + _two_columns(items, "caption"))
    return "<html><body>" + "".join(parts) + "</body></html>"


def _two_columns(lines: list[str], css_class: str) -> str:
    """Lines in two columns of small print (the rules and the sources of the last page), to keep the summary short."""
    half = (len(lines) + 1) // 2
    columns = ["".join(f"{html.escape(line)}<br>" for line in part) for part in (lines[:half], lines[half:])]
    return ('<table width="100%" cellspacing="0"><tr>'
            + "".join(f'<td class="{css_class}" width="50%">{c}</td>' for c in columns) + "</tr></table>")


def web_page(report: Report, lang: str) -> str:
    """The report as a web page of its own (one file, no scripts, nothing loaded from elsewhere): the same
    headings, lists and tables as the PDF, which a screen reader can read in order, in ``lang``."""
    title = html.escape(report.title)
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n<style>\nbody {{ font-family: sans-serif; max-width: 70em; margin: 2em auto; "
            f"padding: 0 1em; line-height: 1.4; }}\n{_CSS}</style>\n</head>\n"
            + report_html(report).removeprefix("<html>") + "\n")


def write_web_page(report: Report, path: str | os.PathLike[str], lang: str) -> None:
    """Write :func:`web_page` at ``path`` atomically (a failure leaves no half file)."""
    write_text_atomically(path, web_page(report, lang))


def column_widths(headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[int]:
    """Percentages of the page width per column, after how much text each holds (a header's longest word,
    its longest cell), so no column is squeezed to a letter a line; they add up to 100."""
    weights = []
    for i, header in enumerate(headers):
        longest_word = math.ceil(1.25 * max((len(w) for w in header.split()), default=1))  # headers are bold
        longest_cell = max((len(row[i]) for row in rows), default=1)
        weights.append(min(max(longest_word, longest_cell, 4) + 3, 50))  # + 3: the cell's padding
    total = sum(weights)
    widths = [max(1, round(100 * w / total)) for w in weights]
    widths[widths.index(max(widths))] += 100 - sum(widths)
    return widths


def _document(report: Report) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    font.setPointSizeF(FONT_POINTS)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(_CSS)
    document.setHtml(report_html(report))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, report.title)
    return document


def _layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


class _Pages:
    """The report laid out on pages of one paint device: the body of each page, and its footer line."""

    def __init__(self, report: Report, device: QPaintDevice, page: QRectF) -> None:
        self.report = report
        self.document = _document(report)
        self.footer = 14 * device.logicalDpiY() / 72.0  # 14 points, in device pixels
        self.size = QSizeF(page.width(), page.height() - self.footer)
        self.document.documentLayout().setPaintDevice(device)
        self.document.setPageSize(self.size)
        self.count = max(1, self.document.pageCount())

    def draw(self, painter: QPainter, number: int) -> None:
        """Page ``number`` (from 0) with "page 1 of 3" under it; ``painter`` starts at the page's top left."""
        height = self.size.height()
        painter.save()
        painter.translate(0, -number * height)
        self.document.drawContents(painter, QRectF(0, number * height, self.size.width(), height))
        painter.restore()
        small = QFont(self.document.defaultFont())
        small.setPointSizeF(8)
        painter.setFont(small)
        line = QRectF(0, height, self.size.width(), self.footer)
        text = _("Page {page} of {pages}").format(page=number + 1, pages=self.count)
        painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), text)
        painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), self.report.title)


def _paint(report: Report, device: QPagedPaintDevice) -> int:
    """Lay the report out on ``device`` page by page; returns the number of pages."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot draw on the printer or the PDF file")
    try:
        pages = _Pages(report, device, QRectF(device.pageLayout().paintRectPixels(device.resolution())))
        for number in range(pages.count):
            if number:
                device.newPage()
            pages.draw(painter, number)
        return pages.count
    finally:
        painter.end()


def render_page(report: Report, number: int = 0, dpi: int = 100) -> QImage:
    """One page as an image, laid out as on paper (for the screenshots; a preview could use it too)."""
    layout = _layout()
    whole = layout.fullRectPixels(dpi)
    image = QImage(whole.size(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    inner = layout.paintRectPixels(dpi)
    painter = QPainter(image)
    try:
        painter.translate(inner.topLeft())
        pages = _Pages(report, image, QRectF(0, 0, inner.width(), inner.height()))
        pages.draw(painter, min(number, pages.count - 1))
    finally:
        painter.end()
    return image


def pdf_bytes(report: Report) -> tuple[bytes, int]:
    """The report as a PDF, in memory; and its number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(_layout())
    writer.setResolution(300)
    writer.setTitle(report.title)
    writer.setCreator("Bijverdienplanner")
    pages = _paint(report, writer)
    del writer  # ends the PDF
    buffer.close()
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        raise OSError(errno.EIO, "the PDF could not be made")
    return data, pages


def write_pdf(report: Report, path: str | os.PathLike[str]) -> int:
    """Write the report as a PDF at ``path``, atomically like a plan (:func:`planner.storage.write_atomically`):
    made in memory first, so a full disk or another failure leaves the old file or none, never half a PDF.
    Returns the number of pages."""
    data, pages = pdf_bytes(report)
    write_atomically(path, data)
    return pages


def printer() -> QPrinter:
    """A printer set up for the report (A4 landscape); the print dialog may change it."""
    device = QPrinter(QPrinter.PrinterMode.HighResolution)
    device.setPageLayout(_layout())
    device.setDocName(_("Bijverdienplanner summary"))
    return device


def print_report(report: Report, device: QPrinter) -> int:
    """Print the report on ``device`` (chosen in a print dialog); returns the number of pages."""
    return _paint(report, device)


__all__ = ["column_widths", "print_report", "printer", "render_page", "report_html", "web_page", "write_pdf", "write_web_page"]
