# %% [markdown]
# # Lesson 00 — Start here
#
# *Estimated time: 15 minutes. No statistics or programming needed.*
#
# Welcome! This short course is about the **therapeutic alliance**: the working
# relationship between a client and a therapist. Research keeps finding that how well
# client and therapist work together is one of the most dependable signs that therapy will
# help. In these lessons you will explore that research with sliders and charts, look at
# data from a (made-up) clinic, and check your understanding as you go.
#
# This first lesson shows you how everything works.
#
# ## What you will be able to do
#
# - run a cell and read what it shows;
# - move a slider and watch a chart respond;
# - check that the kit works on your computer;
# - answer an exercise and read the feedback.

# %% [markdown]
# ## How a notebook works
#
# A notebook is a list of **cells**. Text cells, like this one, explain things. **Code
# cells** have a grey box and hold a few lines of Python. To *run* a code cell, click in it
# and press **Shift + Enter** (or the ▶ button in the toolbar). What the cell produces
# appears underneath it, and the next cell is selected, so pressing Shift + Enter again and
# again walks you through the lesson.
#
# Run the cells **from top to bottom**: later cells use what earlier ones made. If
# something looks odd, choose *Kernel → Restart Kernel and Run All Cells…* (JupyterLab) to
# start afresh. You cannot break anything: the lesson file on disk only changes if you
# save it.
#
# Run the next cell now. It loads the kit.

# %%
import alliance_widgets as aw
from alliance_widgets import literature as lit

print("The alliance_widgets kit is loaded.")

# %% [markdown]
# ## Is everything working? Ask the doctor
#
# `aw.doctor()` checks the things the kit needs (Python, the packages, the part of
# Jupyter that draws sliders, what slows a kernel's start, charts that work without
# internet) and says, in plain words, what to do if something is off. Run it.

# %% tags=["nbval-ignore-output"]
report = aw.doctor()
report

# %% [markdown]
# The first line of the report is its **verdict**. Here it is on its own:

# %%
print(report.verdict)

# %% [markdown]
# If the verdict says something needs attention, each line marked ⚠️ (or `FIX`) says what
# to do; your tutor can help. Everything in this course also runs without the sliders, so
# you can carry on meanwhile.

# %% [markdown]
# ## Your first slider
#
# Think of a conversation in which someone really helped you: a teacher, a friend, a
# counsellor. How much did you trust them? Move the slider (drag the handle, or click it
# and use the arrow keys). The sentence underneath follows the slider.
#
# The slider runs over the same answer range as the alliance questionnaire you will meet in
# lesson 01 (the WAI-SR, a short questionnaire clients fill in about their therapy).

# %%
import ipywidgets as widgets

low, high = lit.WAI_SR_SCALE.value
trust = widgets.IntSlider(value=4, min=low, max=high, description="Trust")
trust_words = widgets.Label()


def describe_trust(change=None):
    trust_words.value = f"You chose {trust.value} on a scale from {low} to {high}."


trust.observe(describe_trust, names="value")
describe_trust()
widgets.VBox([trust, trust_words])

# %% [markdown]
# Python can read the slider too. After you move it, run this cell again:

# %%
print(trust_words.value)

# %% [markdown]
# ## Your first chart
#
# Now rate that same helpful relationship on the three parts of an alliance that you will
# study in lesson 01. Change the three numbers in the cell below (whole numbers on the
# slider's scale) and run it; the chart redraws with your ratings. The slider *under the
# chart* highlights the bars at or above the value you choose; it works inside the chart
# itself, with no Python.

# %%
import altair as alt
import pandas as pd

from alliance_widgets.charts.theme import PALETTE

my_ratings = {"bond": 4, "goals": 3, "tasks": 5}

ratings = pd.DataFrame({"part": list(my_ratings), "rating": list(my_ratings.values())})
weakest = ratings.loc[ratings["rating"].idxmin(), "part"]
summary = (
    ", ".join(f"{p} {r}" for p, r in my_ratings.items())
    + f" on a {low}–{high} scale; the lowest is {weakest}."
)
threshold = alt.param(
    name="threshold",
    value=4,
    bind=alt.binding_range(min=low, max=high, step=1, name="Highlight ratings of at least "),
)
chart = (
    alt.Chart(ratings)
    .mark_bar()
    .encode(
        x=alt.X("part:N", title=None, sort=None),
        # Bars start at the lowest answer, not at 0, which no one can give.
        y=alt.Y("rating:Q", title=f"Rating ({low}–{high})", scale=alt.Scale(domain=[low, high])),
        y2=alt.datum(low),
        color=alt.condition(
            alt.datum.rating >= threshold,
            alt.value(PALETTE["alliance"]),
            alt.value(PALETTE["muted"]),
        ),
        tooltip=["part", "rating"],
    )
    .add_params(threshold)
    .properties(title="My helpful relationship", description=summary, width=260, height=180)
)
print(summary)
chart

# %% [markdown]
# Every chart in the kit comes with a one-sentence summary in words (here it is printed
# above the chart; it is also stored in the chart, where screen readers read it out). The
# chart and the words always say the same thing.

# %% [markdown]
# ## Your first exercises
#
# Each exercise has a cell where you write your answer, in place of `None`, and a cell that
# checks it. The check says whether your answer is **correct**, **partly correct**, **not
# yet right** or **not answered yet**, what is right and what is wrong, and gives a hint.
# Try as often as you like.
#
# Here is what the feedback looks like for a wrong answer to a practice question, *how
# many days are there in a week?*, answered with 8:

# %%
from alliance_lessons import (
    check_doctor_verdict,
    check_not_a_component,
    check_scale_points,
)
from alliance_widgets.exercises import check_number

# %% tags=["feedback-demo"]
check_number(8, 7, name="Practice: days in a week", hint="Count from Monday to Sunday.")

# %% [markdown]
# ### Exercise 0.1
#
# How many different answers can the trust slider above give? (Each answer on the WAI-SR
# questionnaire has the same range.) Write a whole number.

# %% tags=["exercise"]
answer_0_1 = None  # your answer here, e.g. 3

# %% tags=["solution"]
answer_0_1 = high - low + 1  # every whole number from low to high, both ends included

# %%
check_scale_points(answer_0_1)

# %% [markdown]
# ### Exercise 0.2
#
# The alliance has three parts (lesson 01 explains them). Which of these is **not** one of
# them? Answer with the letter in quotes, e.g. `"a"`.
#
# - **a** the bond between client and therapist
# - **b** agreement on the goals of therapy
# - **c** agreement on the tasks of therapy
# - **d** liking the therapist

# %% tags=["exercise"]
answer_0_2 = None  # your answer here, e.g. "a"

# %% tags=["solution"]
answer_0_2 = "d"

# %%
check_not_a_component(answer_0_2)

# %% [markdown]
# ### Exercise 0.3
#
# Did every check of the doctor pass on your computer? Answer `True` or `False` (no
# quotes).

# %% tags=["exercise"]
answer_0_3 = None  # your answer here: True or False

# %% tags=["solution"]
answer_0_3 = report.ok  # the verdict above says whether every check passed

# %%
check_doctor_verdict(answer_0_3, report)

# %% [markdown]
# ## Two things people often get wrong
#
# - **Liking is not the same as an alliance.** A client can like their therapist and still
#   feel that therapy is aimed at the wrong thing. The alliance is about working *together*
#   on something both agree on.
# - **Scales differ between versions of the questionnaire.** The short revised version you
#   will use has fewer answer points than the original. The figures, printed from the
#   kit's list of sources:

# %%
for fig in (lit.WAI_SR_ITEMS, lit.WAI_SR_SCALE, lit.WAI_ITEMS, lit.WAI_S_ITEMS):
    print("-", fig.describe())

# %% [markdown]
# ## Reflect
#
# Therapists who attend to the alliance often check in with simple questions at the end of
# a session, such as *"Did we spend today on what you wanted?"* or *"Did you feel heard
# today? Is there anything I got wrong?"*
#
# - Think of the helpful conversation you rated above. Did the other person ask you
#   anything like that? How did it feel, or how might it have felt?
# - What would make it easy, or hard, for you to tell a helper that they had got something
#   wrong?
#
# **Practice:** at the end of your next conversation in which you are helping someone, ask
# one check-in question in your own words, and notice the answer.
#
# ## References

# %%
for ref in lit.references(lit.BORDIN_COMPONENTS, lit.WAI_SR_SCALE, lit.WAI_ITEMS, lit.WAI_S_ITEMS):
    print(ref)

# %% [markdown]
# **Next:** lesson 01, *Bordin's three components: bond, goals, tasks*.
