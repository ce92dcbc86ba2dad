# %% [markdown]
# # Lesson 01 — Bordin's three components: bond, goals, tasks
#
# *Estimated time: 50 minutes. No statistics background needed.*
#
# People often say a good therapy relationship is one where the client *likes* the
# therapist. The psychologist Edward Bordin proposed a sharper idea in 1979: the **working
# alliance** is a collaboration with three parts, and each can be strong or weak on its own.
# This lesson explains the three parts, shows how a short questionnaire measures them, lets
# you score a client's answers (from a made-up clinic), and connects each part to things a
# therapist can say in the room.
#
# ## What you will be able to do
#
# - name Bordin's three components and recognise each one in a clinical moment;
# - describe how the WAI-SR questionnaire is built (without its wording, which is
#   copyrighted): how many items, which items belong to which part, what answers it allows;
# - score a client's answers into bond, goals and tasks, by hand and with the kit;
# - read a profile in the explorer and choose a check-in question for its weakest part.

# %%
import pandas as pd
from IPython.display import Markdown, display

import alliance_widgets as aw
from alliance_lessons import (
    check_scenarios,
    check_strongest_pair,
    check_subscale_mean,
    check_wai_sr_ranges,
)
from alliance_lessons.lesson00 import scale_points
from alliance_lessons.lesson01 import SCENARIOS as EXERCISE_SCENARIOS
from alliance_widgets import literature as lit
from alliance_widgets.science import WAI_SR_SUBSCALES, r_interval, score_wai_sr
from alliance_widgets.widgets.bordin_presets import SCENARIOS

low, high = lit.WAI_SR_SCALE.value

# %% [markdown]
# ## Three parts of a working alliance
#
# Bordin described the alliance as something client and therapist build *together*, with
# three parts. In the kit's words, printed from its list of sources:

# %%
for component, meaning in lit.BORDIN_COMPONENTS.value.items():
    print(f"{component:>6}: {meaning}")
print()
print(lit.BORDIN_COMPONENTS.note)

# %% [markdown]
# In a therapy room:
#
# - the **bond** is the client feeling understood, respected and safe, and trusting that
#   the therapist is on their side. Trust rests on confidentiality, on not being judged,
#   and on a sense that the work is going somewhere;
# - the **goals** are a shared picture of the problem and of what therapy is for: *what*
#   would be different if therapy worked?
# - the **tasks** are agreement on the *means*: the activities of the sessions and
#   between them (talking through a memory, keeping a diary, trying an exposure
#   exercise) and the sense that they make sense.

# %% [markdown]
# ### Exercise 1.1
#
# In each moment below one component is clearly the weakest. Which? Answer with a
# dictionary that gives `"bond"`, `"goals"` or `"tasks"` for each letter, like
# `{"A": "bond", "B": "goals", "C": "tasks"}`.

# %%
for letter, (situation, _) in EXERCISE_SCENARIOS.items():
    print(f"{letter}  {situation}")

# %% tags=["exercise"]
answer_1_1 = None  # your answer here, e.g. {"A": "bond", "B": "goals", "C": "tasks"}

# %% tags=["solution"]
answer_1_1 = {"A": "tasks", "B": "goals", "C": "bond"}

# %%
check_scenarios(answer_1_1)

# %% [markdown]
# The three moments show the point of Bordin's idea: a client can like their therapist
# (a warm bond) and still feel that therapy is aimed at the wrong thing (weak goals), or
# see no point in the exercises (weak tasks). Liking is part of the bond at most; it is
# not the whole alliance.

# %% [markdown]
# ## Measuring the alliance: the WAI-SR
#
# Researchers and clinicians measure the alliance with questionnaires. The most used
# family is the **Working Alliance Inventory** (WAI). This course uses its short revised
# form, the **WAI-SR**, which clients fill in after a session. Its structure:

# %%
for fig in (lit.WAI_SR_ITEMS, lit.WAI_SR_SCALE):
    print(fig.describe())

# %% [markdown]
# Each of the twelve items is a short statement about the therapy, and the client says
# how often it is true, from *seldom* to *always*. Each item belongs to one of the three
# components. Here is which item scores which component (item numbers only: the wording is
# copyrighted, so the kit never shows it):

# %%
structure = pd.DataFrame(
    [
        {"subscale": name, "items": ", ".join(map(str, keys)), "number of items": len(keys)}
        for name, keys in WAI_SR_SUBSCALES.items()
    ]
)
structure

# %% [markdown]
# A subscale's **score** is the mean of its items, so it stays on the answer scale and
# reads like an answer: a bond of 4 is, on average, the second answer from the top. Some
# studies report **sums** instead (the items added up); a sum is the mean times the number
# of items.
# The composite **alliance** score is the mean of the three subscales.
#
# Watch out for the scale: the longer WAI and the older short form use more answer points
# than the WAI-SR, so their totals are not comparable:

# %%
for fig in (lit.WAI_ITEMS, lit.WAI_S_ITEMS):
    print(fig.describe())

# %% [markdown]
# ### Exercise 1.2
#
# On the WAI-SR, what are the lowest and highest possible **sums**: of all twelve items
# (the total), and of one four-item subscale? Answer with a dictionary with the four keys
# `total_min`, `total_max`, `subscale_min` and `subscale_max`.

# %% tags=["exercise"]
answer_1_2 = None  # your answer here: {"total_min": ..., "total_max": ..., ...}

# %% tags=["solution"]
n_items = lit.WAI_SR_ITEMS.value
per_subscale = len(WAI_SR_SUBSCALES["bond"])
answer_1_2 = {
    "total_min": n_items * low,
    "total_max": n_items * high,
    "subscale_min": per_subscale * low,
    "subscale_max": per_subscale * high,
}

# %%
check_wai_sr_ranges(answer_1_2)

# %% [markdown]
# The kit's note on the scale, for checking:

# %%
print(lit.WAI_SR_SCALE.note)

# %% [markdown]
# ## Scoring the clinic's answers
#
# The kit ships a **synthetic clinic**: made-up clients and therapists whose answers were
# generated by a model calibrated to published research (lesson 03 looks at it closely).
# Its `items` table holds every WAI-SR answer: one row per client, session and item.

# %%
clinic = aw.load_dataset("clinic")
items = clinic.items
print(clinic.title, "—", f"{len(items):,} answers")
items.head()

# %% [markdown]
# Here are the twelve answers client C0001 gave after session 1, one row per item:

# %%
one = items[(items["client_id"] == "C0001") & (items["session"] == 1)]
one[["item", "subscale", "response"]].set_index("item").T

# %% [markdown]
# ### Exercise 1.3
#
# Score this client's **bond** by hand: find the four bond items in the row above, add
# their answers and divide by four. Write the number (Python can be your calculator,
# e.g. `(1 + 2 + 3 + 4) / 4`).

# %% tags=["exercise"]
answer_1_3 = None  # your answer here

# %% tags=["solution"]
answer_1_3 = one.loc[one["subscale"] == "bond", "response"].mean()

# %%
check_subscale_mean(answer_1_3, items, client_id="C0001", session=1, subscale="bond")

# %% [markdown]
# The kit's `score_wai_sr` does the same for every subscale and the composite. Given the
# long table it scores each client at once; here, every client's first session:

# %%
first = items[items["session"] == 1]
scores = score_wai_sr(first[["client_id", "item", "response"]])
print(f"{len(scores)} clients scored; client C0001:")
print(scores.loc["C0001"].round(2).to_string())

# %% [markdown]
# ## Do the three parts go together?
#
# If bond, goals and tasks were the same thing, knowing one would tell you the others
# exactly. A **correlation** (lesson 04 explains it fully) measures how closely two scores
# go together across clients: 0 means not at all, 1 means in perfect step. Here are the
# correlations between the three subscales at session 1:

# %%
correlations = scores[["bond", "goals", "tasks"]].corr().round(2)
correlations

# %% [markdown]
# ### Exercise 1.4
#
# Which two subscales go together most closely in this clinic? Answer with the pair in
# quotes, e.g. `"bond-tasks"`.

# %% tags=["exercise"]
answer_1_4 = None  # your answer here, e.g. "bond-tasks"

# %% tags=["solution"]
answer_1_4 = "goals-tasks"

# %%
check_strongest_pair(answer_1_4, scores)

# %% [markdown]
# Published WAI-SR samples show the same pattern: agreement on goals and agreement on
# tasks go closely together, while the bond is more of its own thing. The published ranges
# (as commonly reported, not checked against the original papers):

# %%
for fig in (lit.WAI_SR_R_GOALS_TASKS, lit.WAI_SR_R_BOND_OTHERS):
    print(fig.describe())
r_gt = correlations.loc["goals", "tasks"]
r_bond = correlations.loc["bond", ["goals", "tasks"]]


def place(value, published):
    """Where a clinic's r sits against a published (low, high) range, in words."""
    low_r, high_r = published.value
    return "below" if value < low_r else "above" if value > high_r else "within"


bond_low, bond_high = r_bond.min(), r_bond.max()
bond_r = f"{bond_low:.2f}"
if f"{bond_high:.2f}" != bond_r:
    bond_r += f"–{bond_high:.2f}"
print(
    f"This clinic at session 1: goals–tasks r = {r_gt:.2f} "
    f"({place(r_gt, lit.WAI_SR_R_GOALS_TASKS)} the published range); bond with goals "
    f"and with tasks r = {bond_r} ({place(bond_low, lit.WAI_SR_R_BOND_OTHERS)} the "
    "published range)."
)

# %% [markdown]
# The pattern is the same: goals and tasks are closer to each other than either is to
# the bond. Where a value falls outside a published range, is this clinic unusual? Two
# things help to judge. First, the values the kit's generator was built with:

# %%
print(lit.GEN_SUBSCALE_R.describe())

# %% [markdown]
# Second, the 95 % interval around each of this clinic's correlations (lesson 04
# explains intervals): the range of true correlations that fit these data.

# %%
n_clients = len(scores)
for label, value, published in (
    ("goals–tasks", r_gt, lit.WAI_SR_R_GOALS_TASKS),
    ("bond–goals", correlations.loc["bond", "goals"], lit.WAI_SR_R_BOND_OTHERS),
    ("bond–tasks", correlations.loc["bond", "tasks"], lit.WAI_SR_R_BOND_OTHERS),
):
    est = r_interval(value, n_clients)
    low_p, high_p = published.value
    reaches = est.low <= high_p and est.high >= low_p
    print(
        f"{label}: r = {value:.2f}, 95 % CI [{est.low:.2f}, {est.high:.2f}]; published "
        f"range {low_p:g}–{high_p:g}: {'overlaps' if reaches else 'does not overlap'}"
    )

# %% [markdown]
# One sample of a couple of hundred clients, each rated after a single session, wobbles
# around the values it was generated from; this clinic happens to lie on the low side
# of them. Where an interval overlaps the published range, the clinic is compatible with
# it. Notice too that intervals around large correlations are narrow: a sample wobbles
# less near r = .8 than near r = .3 (lesson 04).

# %% [markdown]
# ## The explorer
#
# The explorer sets the three components on the WAI-SR scale. It shows your profile
# against the middle half of the clinic's clients (in grey), the composite's place among
# them, and the improvement (on an outcome questionnaire, in points) that the kit's model
# expects for clients with that composite, with the wide range where most of them land.
# The *Scenario* menu loads clinical situations; *Answer 12 items* lets you fill in the
# structure of the questionnaire yourself. Under the chart the explorer writes what it
# shows, including questions a therapist could try.

# %%
explorer = aw.BordinExplorer()
explorer

# %% [markdown]
# What the explorer says, as plain text:

# %%
print(explorer.chart_description())
print(explorer.summary)

# %% [markdown]
# How to read it:
#
# - **improvement** is how many points a client's distress score fell from the start of
#   therapy to the end; a negative improvement means the client ended *worse* off;
# - **reliable** improvement is a fall large enough that it is unlikely to be just the
#   questionnaire's measurement noise (lesson 07 shows where the threshold comes from);
# - **variance** is how much clients differ from one another; "the alliance explains
#   only about … % of the variance" means that knowing a client's alliance accounts for
#   that part of those differences (lessons 02 and 04 explain the calculation, and why a
#   share of variance makes an effect look smaller than it is).
#
# Notice how wide the range of expected improvement is: the alliance matters, but it is
# one influence among many. Two limits of the forecast, both built into the kit's model:
# it uses the composite only, so two profiles with the same mean get the same forecast
# (whether some parts predict outcome better than others is an open research question);
# and it treats the profile as a client's *average* alliance over the first sessions. A
# scenario that shows one difficult session, such as a rupture, is a moment to work
# with, not a prognosis: repaired ruptures can be turning points (lesson 05).
#
# ## Scenarios from clinical practice
#
# The scenarios are situations therapists describe again and again. Each is a profile:
# the numbers are the kit's illustrations, not measurements; what matters is the *shape*.

# %%
# A subscale score's standard error of measurement, SD·√(1 − alpha), from the middle of
# the published ranges: gaps smaller than this are within measurement error.
sd = sum(lit.WAI_SR_ITEM_MEAN.extra["sd"]) / 2
alpha = sum(lit.WAI_SR_ALPHA_SUBSCALE.value) / 2
sem = sd * (1 - alpha) ** 0.5
for key, scenario in SCENARIOS.items():
    profile = ", ".join(f"{c} {v:.1f}" for c, v in scenario.profile.items())
    values = sorted(scenario.profile.values())
    weakest = scenario.lowest if values[1] - values[0] > sem else "none clearly"
    print(f"{key:<20} {scenario.label}  ({profile}; weakest: {weakest})")
print(f"\n(A gap of less than about {sem:.1f} points between parts is within measurement error.)")

# %% [markdown]
# Choose one in the menu, or from Python. Here is the client who likes their therapist but
# does not see the point of the homework:

# %%
explorer.scenario = "homework"
print(explorer.summary)

# %% [markdown]
# And the questionnaire mode, given the twelve answers of client C0001 above: the explorer
# scores them with the same keys as `score_wai_sr`.

# %%
explorer.apply_dict({"mode": "questionnaire", "items": one["response"].tolist()})
print(explorer.summary.splitlines()[0])
print(explorer.summary.splitlines()[1])

# %% [markdown]
# ## What this lesson corrects
#
# - **Liking is not the same as an alliance.** A warm bond with no shared goals, or no
#   agreement on the tasks, is a weak alliance in those parts.
# - **The three parts are related but not the same.** Goals and tasks go closely
#   together; the bond less so. A profile with one low part tells you where to look.
# - **Scales differ between versions of the questionnaire.** Compare totals only within
#   one version:

# %%
display(
    Markdown(
        f"The WAI-SR answers run from {low} to {high}; the WAI and the WAI-S use "
        f"{scale_points(lit.WAI_ITEMS)} answer points. A WAI-SR total "
        f"runs from {lit.WAI_SR_ITEMS.value * low} to {lit.WAI_SR_ITEMS.value * high}."
    )
)

# %% [markdown]
# ## Reflect
#
# - Think of a helping relationship you know, as client, friend or helper. Which of the
#   three parts was strongest? Which was weakest, and how did you notice?
# - How comfortable would a client be telling *you* that a task makes no sense to them?
#   What might make it hard?
# - For each part there is a simple check-in a therapist can use at the end of a session:
#   - goals: *"Did we work on what you wanted to work on today? Is there anything else
#     you wanted to talk about?"*
#   - tasks: *"There are a few ways we could work on this. Which would you prefer?"*
#   - bond: *"Did you feel heard today? Is there anything I got wrong?"*
#
# **Practice:** in your next helping conversation, agree the focus at the start in your
# own words (*"So that we're on the same page, you'd like to work on … today?"*) and check
# it at the end.
#
# ## References

# %%
for ref in lit.references(
    lit.BORDIN_COMPONENTS,
    lit.WAI_SR_SCALE,
    lit.WAI_ITEMS,
    lit.WAI_S_ITEMS,
    lit.WAI_SR_R_GOALS_TASKS,
):
    print(ref)

# %% [markdown]
# **Next:** lesson 02, *Lambert's outcome-variance model and its critics*.
