"""Slide-ready export: PNG whose text and legends scale with its width, SVG and PDF as vector files read back
by parsing them, provenance in every file, CSV numbers in their dtype's shortest form, the deck handout, and
file dialogs that remember their folder."""

import io
import json
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, QSettings, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter, QTextDocument

from posenc_gui import __version__, cli, files
from posenc_gui.app import export, handout, settings as prefs, style
from posenc_gui.app.state import Deck, Scene
from posenc_gui.app.views import applies
from posenc_gui.app.window import MainWindow


SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def encoding_view(qapp):
    view = export.drawn_view(Scene(method="sinusoidal", params={"seq_len": 32, "d_model": 64}, view="encoding"))
    yield view
    view.close()


def ink_box(image: QImage, left: float, top: float, right: float, bottom: float) -> tuple[int, int]:
    """Width and height, in pixels, of what is not background inside a fractional window of ``image``."""
    image = image.convertToFormat(QImage.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    h, w = image.height(), image.width()
    part = pixels[int(top * h):int(bottom * h), int(left * w):int(right * w), :3].astype(int)
    ink = np.abs(part - part[0, -1]).sum(axis=2) > 60
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    return int(cols[-1] - cols[0] + 1), int(rows[-1] - rows[0] + 1)


def test_a_wide_png_scales_the_legend_with_the_figure(encoding_view):
    # The legend (dim 6 ... dim 9) is the top of the last column; at 3x the width its ink is 3x as wide.
    window = (0.93, 0.0, 1.0, 0.2)
    small = ink_box(export.view_image(encoding_view, 800), *window)
    large = ink_box(export.view_image(encoding_view, 2400), *window)
    assert small[0] > 10
    assert large[0] == pytest.approx(3 * small[0], rel=0.15) and large[1] == pytest.approx(3 * small[1], rel=0.15)


def test_svg_is_a_vector_drawing_with_text_paths_an_embedded_heatmap_and_the_record(encoding_view):
    record = files.provenance("sinusoidal", "encoding", {"seq_len": 32})
    root = ET.fromstring(export.svg_bytes(encoding_view, record))
    assert root.tag == f"{SVG}svg"
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
    assert {"position", "dimension", "value", "30"} <= texts
    assert len(list(root.iter(f"{SVG}polyline"))) + len(list(root.iter(f"{SVG}path"))) > 10
    images = list(root.iter(f"{SVG}image"))
    assert images and images[0].get("{http://www.w3.org/1999/xlink}href").startswith("data:image/png;base64,")
    assert root.find(f"{SVG}desc").text == record and f"PosEnc Explorer {__version__}" in record


def test_a_png_draws_the_figure_at_one_scale_from_its_corner(encoding_view, monkeypatch):
    """A width whose height is not a whole number of pixels (801 of 1600 wide): the figure was shrunk into the
    rounded image and centred, a fraction of a pixel off, so every line and name was smeared over two pixels."""
    targets = []
    paint = export.paint_scene
    monkeypatch.setattr(export, "paint_scene", lambda view, painter, target, background=None: (
        targets.append(QRectF(target)), paint(view, painter, target, background)))
    source = export.source_rect(encoding_view)
    image = export.view_image(encoding_view, 801)
    target = targets[0]
    assert target.topLeft() == QPointF(0, 0) and target.width() == 801
    assert target.height() == pytest.approx(source.height() * 801 / source.width(), abs=1e-9)
    assert image.height() == round(target.height())


def placed(svg: bytes) -> list[tuple]:
    """The SVG's images as ("image", left, top, right, bottom) and texts as ("text", x, y, text), where they are drawn
    (Qt's SVG writes each item in a group of its own, placed by the group's matrix)."""
    drawn = []
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        matrix = re.match(r"matrix\(([^)]*)\)", group.get("transform", ""))
        a, b, c, d, e, f = (float(v) for v in matrix.group(1).split(",")) if matrix else (1, 0, 0, 1, 0, 0)
        for item in group:
            if item.tag == f"{SVG}image":
                x, y, w, h = (float(item.get(key)) for key in ("x", "y", "width", "height"))
                xs, ys = sorted((a * x + e, a * (x + w) + e)), sorted((d * y + f, d * (y + h) + f))
                drawn.append(("image", xs[0], ys[0], xs[1], ys[1]))
            elif item.tag == f"{SVG}text":
                x, y = float(item.get("x")), float(item.get("y"))
                drawn.append(("text", a * x + c * y + e, b * x + d * y + f, item.text.strip()))
    return drawn


def test_the_colour_bar_is_as_tall_as_its_heatmap_and_names_a_few_values(encoding_view):
    """In the SVG (and PDF, and on screen) the encoding's colour bar ran a line of axis names below the heatmap, and
    named every tick from -1.0 to 1.0: 21 names."""
    drawn = placed(export.svg_bytes(encoding_view))
    images = sorted((item for item in drawn if item[0] == "image"), key=lambda item: item[3] - item[1])
    bar, heat = images[0], images[-1]
    assert bar[3] - bar[1] < 30 and heat[1] < bar[1]  # the narrow strip right of the heatmap
    assert bar[2] == pytest.approx(heat[2], abs=1) and bar[4] == pytest.approx(heat[4], abs=1)
    names = [item[3] for item in drawn if item[0] == "text" and bar[3] < item[1] < bar[3] + 60
             and bar[2] - 20 < item[2] < bar[4] + 20 and re.fullmatch(r"-?[\d.]+", item[3])]
    assert 3 <= len(names) <= 11, names


def test_the_colour_bar_names_both_its_ends_in_large_type(qapp):
    """Level with the heatmap, the bar's end names reach half a line past its ends, into the layout's margin: in the
    type of presenting at text size x1.6 pyqtgraph dropped them (more than 15 px past), and the colours had no ends."""
    view = export.drawn_view(Scene(method="sinusoidal", params={"seq_len": 32, "d_model": 64}, view="encoding"),
                             points=style.BASE_POINTS * style.PRESENTATION_SCALE * 1.6)
    try:
        drawn = placed(export.svg_bytes(view))
    finally:
        view.close()
    bar = min((item for item in drawn if item[0] == "image"), key=lambda item: item[3] - item[1])
    names = {item[3] for item in drawn if item[0] == "text" and bar[3] < item[1] < bar[3] + 80}
    assert {"-1.0", "1.0"} <= names, names


def test_svg_drawn_back_matches_the_png(encoding_view):
    """The axes, replayed from pyqtgraph's cached QPictures, keep the scale of the data they label
    (on a 72-dpi vector device they shrank to 3/4 beside their plots). The SVG is drawn back at the PNG's one
    scale, from the corner, as the PNG is drawn."""
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    png = export.view_image(encoding_view, 800).convertToFormat(QImage.Format_RGB32)
    source = export.source_rect(encoding_view)
    drawn = QImage(png.size(), QImage.Format_RGB32)
    drawn.fill(Qt.white)
    painter = QPainter(drawn)
    QSvgRenderer(export.svg_bytes(encoding_view)).render(painter, QRectF(0, 0, 800, source.height() * 800 / source.width()))
    painter.end()

    def grey(image):
        bits = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
        return bits[:, :image.width(), :3].astype(float).mean(axis=2)

    assert np.abs(grey(png) - grey(drawn)).mean() < 2.5  # 1.5; 7.4 with the PNG centred off the pixels, 3.6 with the axes at 3/4


def pdf_text(data: bytes, record: str) -> None:
    assert data.startswith(b"%PDF-")
    assert b"/Subtype /Image" in data and b"/Font" in data  # the heatmap embedded, text kept as text
    assert b"/DCTDecode" not in data  # heatmap cells exact, not JPEG
    assert record.encode("utf-16-be") in data  # the Creator entry


def test_pdf_is_vector_with_an_image_fonts_and_the_record(encoding_view):
    record = files.provenance("sinusoidal", "encoding", {"seq_len": 32})
    pdf_text(export.pdf_bytes(encoding_view, record), record)


def test_png_records_method_parameters_and_version(encoding_view, tmp_path):
    record = files.provenance("sinusoidal", "encoding", {"seq_len": 32, "d_model": 64})
    path = tmp_path / "pe.png"
    path.write_bytes(export.png_bytes(export.view_image(encoding_view, 400), record))
    image = QImage(str(path))
    assert image.text("Description") == record and image.text("Software") == f"PosEnc Explorer {__version__}"


# -- CSV ----------------------------------------------------------------------------------------------

def test_csv_writes_each_dtype_in_its_shortest_round_trip_form():
    rng = np.random.default_rng(3)
    for dtype in (np.float32, np.float64, np.float16):
        array = rng.standard_normal((5, 7)).astype(dtype)
        handle = io.BytesIO()
        files.write_csv(handle, array, "PosEnc Explorer; method test")
        text = handle.getvalue().decode()
        assert text.startswith("# PosEnc Explorer; method test\nrow,0,1,2")
        back = np.loadtxt(io.StringIO(text), delimiter=",", skiprows=2, dtype=dtype)[:, 1:]
        assert np.array_equal(back, array)
        longest = max(len(cell) for line in text.splitlines()[2:] for cell in line.split(","))
        assert longest <= {np.float16: 10, np.float32: 15, np.float64: 24}[dtype]
    handle = io.BytesIO()
    files.write_csv(handle, np.array([0.1, 1 / 3], np.float32))
    assert handle.getvalue() == b"index,value\n0,0.1\n1,0.33333334\n"


# -- command line ---------------------------------------------------------------------------------

def run(capsys, *words):
    status = cli.export_main([str(w) for w in words])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_the_command_line_writes_vector_figures(tmp_path, capsys, suffix):
    out = tmp_path / f"slopes{suffix}"
    assert run(capsys, "slopes", "--heads", 8, "--out", out)[:3:2] == (0, "")
    data = out.read_bytes()
    if suffix == ".svg":
        assert ET.fromstring(data).find(f"{SVG}desc").text.startswith(f"PosEnc Explorer {__version__}; method alibi")
    else:
        assert "method alibi; slopes; heads=8".encode("utf-16-be") in data
    status, _, err = run(capsys, "slopes", "--width", 800, "--out", tmp_path / f"again{suffix}")
    assert status == 2 and ".png files only" in err and not (tmp_path / f"again{suffix}").exists()


def test_the_command_line_keeps_the_computed_dtype_and_records_it_in_the_csv(tmp_path, capsys):
    out = tmp_path / "rope.csv"
    assert run(capsys, "encoding", "--method", "rope", "--seq-len", 8, "--d-model", 8, "--out", out)[0] == 0
    first = out.read_text().splitlines()[0]
    assert first.startswith(f"# PosEnc Explorer {__version__}; method rope; encoding; seq_len=8, d_model=8")


def two_scene_deck(tmp_path):
    scenes = [{"method": "sinusoidal", "view": "encoding", "title": "Waves", "notes": "Point at the top rows."},
              {"method": "alibi", "view": "bias", "title": "Penalties", "notes": "Ask: which head looks furthest?"}]
    path = tmp_path / "two.posdeck"
    path.write_text(json.dumps({"version": 1, "title": "Two", "scenes": scenes}))
    return path


def test_the_handout_has_one_page_per_scene(tmp_path, capsys):
    out = tmp_path / "handout.pdf"
    status, stdout, err = run(capsys, "deck", two_scene_deck(tmp_path), "--lang", "en", "--out", out)
    assert (status, err) == (0, "") and "2 pages" in stdout
    data = out.read_bytes()
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page/") == 2
    assert b"/Subtype /Image" in data and b"/Font" in data
    assert run(capsys, "deck", two_scene_deck(tmp_path), "--out", tmp_path / "h.png")[0] == 2
    status, _, err = run(capsys, "deck", tmp_path / "missing.posdeck", "--out", tmp_path / "h.pdf")
    assert status == 2 and err.count("\n") == 1 and not (tmp_path / "h.pdf").exists()


def handout_of(scenes, tmp_path, title="Lecture", title_zh=""):
    path = tmp_path / "deck.posdeck"
    path.write_text(json.dumps({"version": 1, "title": title, "title_zh": title_zh, "scenes": scenes}))
    return Deck.load(path, applies())


def test_the_handout_s_figures_print_their_names_large_enough_to_read(tmp_path, monkeypatch):
    """At the screen's text size a figure scaled to the page printed its tick names at about 6 pt."""
    printed = []
    paint = export.paint_scene

    def measured(view, painter, target, background=None):
        scale = target.width() / export.source_rect(view).width()
        printed.append(view.points * style.TICK_SCALE * scale)  # a point of the view is a point of the page
        paint(view, painter, target, background)

    monkeypatch.setattr(handout, "paint_scene", measured)
    deck = handout_of([{"method": "sinusoidal", "view": "encoding"}, {"method": "alibi", "view": "bias"}], tmp_path)
    handout.handout_bytes(deck)
    assert len(printed) == 2 and min(printed) >= 7.5


def test_long_notes_push_the_picture_smaller_and_are_never_cut(tmp_path, monkeypatch):
    drawn = []
    draw = handout.draw_document
    monkeypatch.setattr(handout, "draw_document", lambda painter, document, top_left: (
        drawn.append((document.toPlainText(), top_left.y() + document.size().height())),
        draw(painter, document, top_left)))
    notes = "Point at the top rows and ask the hall what they see. " * 80
    deck = handout_of([{"method": "alibi", "view": "bias", "notes": notes}], tmp_path)
    handout.handout_bytes(deck)
    bottom = dict(drawn)[notes]
    assert handout.PAGE.height() - handout.MARGIN - 20 < bottom <= handout.PAGE.height() - handout.MARGIN
    room = QRectF(handout.MARGIN, 100, handout.PAGE.width() - 2 * handout.MARGIN, 2000)
    assert handout.picture_box(QSizeF(1300, 1100), room).width() == room.width()  # without notes: page-wide


def page_sizes(pdf: bytes) -> list[QSizeF]:
    """Each page's size in device pixels (at 96 dpi), from the PDF's MediaBox entries."""
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    return [QSizeF(float(width) * 96 / 72, float(height) * 96 / 72) for width, height in boxes]


def test_a_handout_page_s_picture_takes_the_room_between_title_and_notes(tmp_path, monkeypatch):
    """The picture was the view laid out at 1300 x 1100 scaled to the text width: about 45 % of an A4 page, the
    lower part white. Laid out for the room the page leaves it (and on a turned page where its plots print larger),
    it fills that room in one direction and nearly in the other."""
    drawn, pictures = [], []
    draw, paint = handout.draw_document, export.paint_scene
    monkeypatch.setattr(handout, "draw_document", lambda painter, document, top_left: (
        drawn.append(document.size().height()), draw(painter, document, top_left)))
    monkeypatch.setattr(handout, "paint_scene", lambda view, painter, target, background=None: (
        pictures.append(QRectF(target)), paint(view, painter, target, background)))
    deck = handout_of([{"method": "sinusoidal", "view": "encoding", "notes": "Point at the columns. " * 10},
                       {"method": "alibi", "view": "bias", "notes": "Which head looks furthest?"}], tmp_path)
    data, pages = handout.handout_bytes(deck)
    sizes = page_sizes(data)
    assert pages == len(sizes) == len(pictures) == 2 and len(drawn) == 4  # a title and notes a page
    for page, picture, (title, notes) in zip(sizes, pictures, zip(drawn[::2], drawn[1::2])):
        width = page.width() - 2 * handout.MARGIN
        room = page.height() - 2 * handout.MARGIN - title - notes - 2 * handout.GAP
        assert picture.width() * picture.height() / (width * room) > 0.9
        assert width - picture.width() < 2 or room - picture.height() < 2


def test_dials_side_by_side_print_on_a_turned_page_and_curves_upright(tmp_path):
    """Round dials (and square matrices) keep their shape: laid out for a portrait page's room, eight clocks in two
    rows floated in boxes as tall as the page; turned, they print about three times as large. The encoding's heatmap
    and curves take any shape and print alike either way: their page stays upright."""
    deck = handout_of([{"method": "sinusoidal", "view": "clocks"}, {"method": "sinusoidal", "view": "encoding"}],
                      tmp_path)
    clocks, encoding = page_sizes(handout.handout_bytes(deck)[0])
    assert clocks.width() > clocks.height() and encoding.width() < encoding.height()


class RecordingDocument(QTextDocument):
    """A text document that keeps the rectangles it is drawn in, piece by piece."""

    def __init__(self):
        super().__init__()
        self.drawn = []

    def drawContents(self, painter, rect):
        self.drawn.append(rect)
        super().drawContents(painter, rect)


class PageCounter:
    pages = 1

    def newPage(self):
        self.pages += 1
        return True


def test_a_long_page_of_text_goes_on_over_pages_each_cut_just_above_a_row(qapp):
    document = RecordingDocument()
    document.setHtml("<table border='1'>" + "".join(f"<tr><td>model {k}</td><td>{'word ' * (k % 7)}</td></tr>"
                                                    for k in range(300)) + "</table>")
    document.setTextWidth(900)
    layout, block, starts = document.documentLayout(), document.begin(), set()
    while block.isValid():
        starts.add(layout.blockBoundingRect(block).top())
        block = block.next()
    image = QImage(int(handout.PAGE.width()), int(handout.PAGE.height()), QImage.Format_RGB32)
    painter = QPainter(image)
    writer = PageCounter()
    try:
        more = handout.draw_flowing(writer, painter, document, 300)
    finally:
        painter.end()
    assert more == writer.pages - 1 == len(document.drawn) - 1 >= 2
    assert document.drawn[0].top() == 0 and document.drawn[-1].bottom() >= document.size().height()
    for before, after in zip(document.drawn, document.drawn[1:]):
        assert before.bottom() == after.top() and after.top() + handout.CUT_LEAD in starts  # a row begins there


def test_the_handout_keeps_a_page_of_text_as_text(tmp_path, capsys):
    """The table of models was a screenshot of what the page showed, cut at its bottom."""
    deck = handout_of([{"method": "sinusoidal", "view": "models", "notes": "Which came first?"}], tmp_path)
    data, pages = handout.handout_bytes(deck)
    assert pages >= 2 and data.count(b"/Type /Page\n") == pages and b"/Subtype /Image" not in data
    out = tmp_path / "models.pdf"
    assert run(capsys, "deck", tmp_path / "deck.posdeck", "--out", out)[1] == f"wrote a handout of {pages} pages to {out}\n"


def test_the_handout_is_titled_with_the_deck_in_its_language(tmp_path):
    deck = handout_of([{"method": "sinusoidal", "view": "encoding"}], tmp_path, "Waves", "波")
    for lang, title in (("en", "Waves"), ("zh", "波")):
        info = handout.handout_bytes(deck, lang)[0].split(b"/Title", 1)[1][:80]
        assert title.encode("utf-16-be") in info and b"figure" not in info


# -- the window -----------------------------------------------------------------------------------

@pytest.fixture
def window(qtbot, qapp, private_settings):
    """A window whose QSettings() is an ini file under tmp_path."""
    win = MainWindow(settings=QSettings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_the_window_exports_vector_figures_and_a_handout(window, tmp_path, suffix):
    assert window.export_figure(tmp_path / f"figure{suffix}")
    assert f"method {window.model.scene.method}" in (tmp_path / f"figure{suffix}").read_bytes().decode(
        "utf-8" if suffix == ".svg" else "utf-16-be", errors="ignore")
    assert not window.export_figure(tmp_path / "figure.gif") and "figure.gif" in window.error_label.text()


def test_the_window_exports_a_handout_of_its_deck(window, tmp_path):
    assert window.open_deck(two_scene_deck(tmp_path))
    assert window.export_handout(tmp_path / "handout.pdf")
    assert (tmp_path / "handout.pdf").read_bytes().count(b"/Type /Page\n") == 2


def test_file_dialogs_start_in_the_last_folder_used(window, tmp_path, monkeypatch):
    folder = tmp_path / "slides"
    folder.mkdir()
    starts = []

    def save_dialog(parent, title, start, filters):
        starts.append(start)
        return str(folder / "figure"), filters.split(";;")[1]  # the SVG filter, no suffix typed

    monkeypatch.setattr("posenc_gui.app.file_commands.QFileDialog.getSaveFileName", save_dialog)
    window.commands["export_png"].trigger()
    assert (folder / "figure.svg").exists()
    window.files.ask_export_data()
    assert starts[1].startswith(str(folder)) and not starts[0].startswith(str(folder))
    assert prefs.load(QSettings()).last_folder == str(folder)


def test_a_lesson_s_page_prints_its_formulas_between_the_title_and_the_picture(tmp_path, monkeypatch):
    """The handout printed a lesson's plots and notes only: the clocks page had eight dials and no θᵢ(p) = p ωᵢ. Each
    formula the scene shows is printed (the clocks' sinusoid formulas, not RoPE's), above the picture; a view that is
    not a lesson prints none."""
    printed, pictures = [], []
    place, paint = handout.place_formulas, export.paint_scene

    def placing(renderers, width, top):
        placed = place(renderers, width, top)
        printed.append((len(placed), top, max(box.bottom() for _, box in placed)))
        return placed

    monkeypatch.setattr(handout, "place_formulas", placing)
    monkeypatch.setattr(handout, "paint_scene", lambda view, painter, target, background=None: (
        pictures.append(target), paint(view, painter, target, background)))
    deck = handout_of([{"method": "sinusoidal", "view": "clocks"}, {"method": "alibi", "view": "bias"}], tmp_path)
    handout.handout_bytes(deck)
    assert len(printed) == 2 and len(pictures) == 2  # the clocks' page planned upright and turned, the bias' none
    assert all(count == 2 and bottom - top >= 10 for count, top, bottom in printed)  # hands and bits, not RoPE's
    assert pictures[0].top() >= min(bottom for _, _, bottom in printed)


def test_a_printed_formula_has_no_frame_round_it():
    """matplotlib's figure patch (fill none, no stroke) showed as a box round each formula in the PDF."""
    printed = handout.printed_formula("clock_hands", "#000000")
    assert b'id="patch_1"' not in printed and b"<path" in printed and b'fill="#000000"' in printed
