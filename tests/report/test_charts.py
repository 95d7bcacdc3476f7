"""Charts drawn offline to PNG from plain numbers, with Ukrainian labels."""

import io

import numpy as np
from PIL import Image

from services.report import charts
from services.report.pictures import labelled_grid
from tests.report import samples


def picture(png: bytes) -> np.ndarray:
    assert png.startswith(b"\x89PNG")
    return np.asarray(Image.open(io.BytesIO(png)).convert("L"))


def test_line_chart_draws_gaps_levels_and_shaded_spans():
    png = charts.line_chart(
        [10, 20, 30, 40],
        {"втрати D": [1.2, None, 0.9, 0.8], "втрати G": [0.7, 0.8, float("nan"), 1.1]},
        "ітерація",
        "втрати",
        hlines={"0,5": 0.5},
        spans=[(20, 30)],
    )
    pixels = picture(png)
    assert pixels.shape == (round(charts.HEIGHT_IN * charts.DPI), round(charts.WIDTH_IN * charts.DPI))
    assert 0.01 < (pixels < 200).mean() < 0.5


def test_fit_chart_with_and_without_a_fit_and_bar_chart_with_a_missing_value():
    def line(xs):
        return [2 * x for x in xs]

    with_fit = picture(charts.fit_chart([1, 2, 4], [2, 4, 8], line, "кроки", "час, с", "виміряно", "пряма"))
    points = picture(charts.fit_chart([1, 2, 4], [2, 4, 8], None, "кроки", "час, с", "виміряно"))
    assert (with_fit != points).any()
    bars = picture(
        charts.bar_chart(["звичайний", "роль"], {"uk": [100, None], "en": [80, 90]}, "стиль", "слів")
    )
    assert (bars < 200).mean() > 0.01


def test_a_labelled_grid_puts_every_image_in_its_cell():
    grid = Image.open(io.BytesIO(labelled_grid([samples.png(64, 64)] * 5, ["1", "2", "4", "10", "20"])))
    assert grid.width > grid.height  # 3 columns, 2 rows
    assert grid.width == 3 * (192 + 4) + 4  # three cells a row, the pictures scaled up to them


def test_numbered_axes_take_the_reports_decimal_mark():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure()
    axes = figure.add_subplot()
    axes.set_ylim(0, 1.5)
    axes.yaxis.set_major_formatter(charts.decimal_ticks(","))
    FigureCanvasAgg(figure).draw()
    assert [label.get_text() for label in axes.get_yticklabels()][:4] == ["0,0", "0,2", "0,4", "0,6"]
    english, ukrainian = (
        picture(charts.line_chart([10, 20], {"L_D": [0.5, 1.5]}, "step", "loss", decimal_mark=mark))
        for mark in (".", ",")
    )
    assert (english != ukrainian).any()  # the same curve, other tick labels
