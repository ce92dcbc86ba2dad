"""The kit's accessible controls: value texts, clear errors, and mirrors of ipywidgets."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest
import traitlets

from alliance_widgets.widgets.controls import (
    ChoiceControl,
    LiveReadout,
    RangeControl,
    accessible,
)


@pytest.mark.parametrize(
    ("description", "value", "high", "fmt", "spoken"),
    [
        ("Bond", 3.25, 5, ".2f", "3.25 of 5"),
        ("True alliance–outcome r", 0.28, 0.8, None, "r = .28"),
        ("Therapist share of alliance (ICC)", 0.06, 0.3, None, "ICC = .06"),
        ("Relationship (%)", 40, 100, ".1f", "40.0 %"),
        ("Clients in the study", 200, 5000, "d", "200 of 5000"),
    ],
)
def test_value_text_says_what_the_number_means(description, value, high, fmt, spoken):
    extra = {} if fmt is None else {"readout_format": fmt}
    control = RangeControl(value=value, min=0, max=high, description=description, **extra)
    assert control.value_text == spoken


def test_value_text_follows_the_value():
    control = RangeControl(value=1, min=1, max=5, step=0.05, description="Bond")
    control.value = 4.5
    assert control.value_text == "4.50 of 5"


@pytest.mark.parametrize(
    ("trait", "bad", "message"),
    [
        ("value", 9.0, "value must be a number from 1 to 5"),
        ("step", 0.0, "step must be > 0"),
        ("max", 0.5, "max must be at least min (1)"),
        ("readout_format", "%.2f", "readout_format must be '.Nf'"),
        ("description_allow_html", True, "description_allow_html must be False"),
    ],
)
def test_bad_settings_raise_a_clear_error(trait, bad, message):
    control = RangeControl(value=2, min=1, max=5, description="Bond")
    with pytest.raises(traitlets.TraitError, match=re.escape(message)):
        setattr(control, trait, bad)


def test_a_slider_is_mirrored_both_ways():
    slider = widgets.FloatSlider(
        value=2.0, min=1, max=5, step=0.5, description="Goals", style={"description_width": "11em"}
    )
    control = accessible(slider)
    assert isinstance(control, RangeControl)
    assert (control.value, control.min, control.max, control.step) == (2.0, 1.0, 5.0, 0.5)
    assert control.label_width == "11em" and control.description == "Goals"
    control.value = 3.5
    assert slider.value == 3.5
    slider.disabled = True
    assert control.disabled


def test_an_int_slider_stays_whole():
    slider = widgets.IntSlider(value=3, min=1, max=5, description="Item 1 (bond)")
    control = accessible(slider)
    control.value = 4.0
    assert slider.value == 4 and isinstance(slider.value, int)
    assert control.value_text == "4 of 5"


def test_toggle_and_radio_buttons_become_a_labelled_radio_group():
    toggle = widgets.ToggleButtons(
        options=[("Lambert", "l"), ("Empirical", "e")], description="Show"
    )
    radio = widgets.RadioButtons(options=["off", "on"], description="Feedback")
    for original in (toggle, radio):
        choice = accessible(original)
        assert isinstance(choice, ChoiceControl)
        assert choice.labels == list(original._options_labels)
        choice.index = 1
        assert original.index == 1
        original.index = 0
        assert choice.index == 0


def test_boxes_are_searched_and_other_widgets_kept():
    button = widgets.Button(description="Go")
    box = widgets.VBox([widgets.IntSlider(description="n"), button])
    assert accessible(box) is box
    assert isinstance(box.children[0], RangeControl) and box.children[1] is button


def test_live_readout_holds_plain_text():
    region = LiveReadout(value="<b>not markup</b>")
    assert region.value == "<b>not markup</b>"  # the view writes it as text, never as HTML
