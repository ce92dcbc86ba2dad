# %% [markdown]
# # Lesson 07 — Feedback and not-on-track clients
#
# *About 55 minutes. Builds on lesson 03 (the OQ-45 scores in the clinic) and lesson 04.*
#
# Therapists often miss which of their clients are getting worse. Routine
# outcome monitoring asks clients to fill in a short questionnaire every session and
# compares each score with the progress expected for someone who started where they
# did. When a client is **not on track**, the therapist gets a warning, and a chance to
# talk about it with the client.
#
# ## What you will learn
#
# - read an OQ-45 score: its range, its clinical cutoff and its reliable change;
# - compute the **reliable change** of a measure from its spread and reliability
#   (Jacobson & Truax), and say why it matters;
# - sort clients into *recovered*, *improved*, *unchanged* and *deteriorated*;
# - read the signals of a feedback system (white, green, yellow, red) against an
#   expected-recovery curve;
# - say how much feedback helps, by the meta-analyses, and for whom.
#
# Run the cells in order. Exercises start with `answer = None`.

# %%
import pandas as pd
from IPython.display import Markdown, display

import alliance_widgets as aw
from alliance_widgets import exercises as ex
from alliance_widgets import literature as lit
from alliance_widgets.science import (
    SIGNALS,
    classify_change,
    feedback_signals,
    reliable_change_threshold,
)

# %% [markdown]
# ## 1 · The OQ-45 in brief
#
# The Outcome Questionnaire-45 asks about how the past week went: symptoms,
# relationships and daily roles. Each answer is scored and the total is their sum, so
# **a higher score means more distress** (the opposite of the alliance scales in earlier
# lessons). The key figures:

# %%
for fig in (
    lit.OQ45_RANGE,
    lit.OQ45_ALPHA,
    lit.OQ45_RETEST,
    lit.OQ45_CLINICAL_CUTOFF,
    lit.OQ45_RELIABLE_CHANGE,
):
    print(fig.describe())

# %% [markdown]
# Two of these do most of the work in this lesson. The **clinical cutoff** separates
# scores typical of people in treatment from scores typical of people who are not. The
# **reliable change** is the smallest change that is unlikely to be measurement error.
#
# ## 2 · Reliable change: is a change real?
#
# Suppose a client scores 85 at intake and 78 today. Is that improvement, or just the
# ordinary wobble of a questionnaire? Jacobson and Truax gave a rule in three steps:

# %%
z = lit.JACOBSON_TRUAX_CRITERION.value
display(
    Markdown(
        "1. the **standard error of measurement**, SE = SD · √(1 − reliability): how far "
        'one score typically sits from the person\'s "true" score;\n'
        "2. the **standard error of a difference**, S_diff = √2 · SE: two scores, two "
        "errors;\n"
        f"3. a change is **reliable** when it is larger than {z} · S_diff, a size that "
        "measurement error alone rarely reaches (5 % of the time).\n\n"
        f"({lit.JACOBSON_TRUAX_CRITERION.cite()}; {lit.JACOBSON_TRUAX_CRITERION.status})"
    )
)

# %% [markdown]
# ### Exercise 7.1 · Compute a reliable change
#
# In our simulated clinic, the standard deviation of intake scores is printed below.
# Using it and the OQ-45's test–retest reliability, how many points must a score change
# to count as reliable? (Use Python as a calculator: `**0.5` is a square root.)

# %%
clinic = aw.simulate(seed=2026, items=False)
clients = clinic.clients
sd_intake = round(float(clients.intake_outcome.std()), 1)
retest = lit.OQ45_RETEST.value
print(f"SD of intake scores: {sd_intake}; test–retest reliability: {retest}")

# %% tags=["exercise"]
answer_7_1 = None  # a number of OQ-45 points

# %% tags=["solution"]
se = sd_intake * (1 - retest) ** 0.5
s_diff = 2**0.5 * se
answer_7_1 = z * s_diff
round(answer_7_1, 1)

# %%
ex.check_reliable_change_threshold(answer_7_1, sd_pre=sd_intake, reliability=retest)

# %% [markdown]
# Your answer differs from the published reliable change. That is not a mistake: the
# result depends on *which* SD and *which* reliability you use. With internal
# consistency (alpha) instead of test–retest reliability, the same formula gives a
# smaller number:

# %%
with_alpha = reliable_change_threshold(sd_pre=sd_intake, reliability=lit.OQ45_ALPHA.value)
with_retest = reliable_change_threshold(sd_pre=sd_intake, reliability=retest)
display(
    Markdown(
        f"With alpha: **{with_alpha:.1f}** points; with test–retest: **{with_retest:.1f}** "
        f"points; the published OQ-45 figure: **{lit.OQ45_RELIABLE_CHANGE.value}** points. "
        "The rest of this lesson uses the published figure, as services do."
    )
)

# %% [markdown]
# ## 3 · Recovered, improved, unchanged, deteriorated
#
# Reliable change says whether a change is real. **Clinical significance** adds where
# the client ends up. With the OQ-45 (lower is better):
#
# - **recovered**: a reliable improvement *and* crossing from above the cutoff to below it;
# - **improved**: a reliable improvement that does not cross the cutoff;
# - **deteriorated**: a reliable worsening;
# - **unchanged**: anything smaller than a reliable change.
#
# ### Exercise 7.2 · Classify four clients
#
# Here are four clients' intake and latest scores. Classify each one.

# %%
cases = {"Ana": (80, 60), "Ben": (95, 75), "Cai": (72, 62), "Dev": (66, 84)}
pd.DataFrame(cases, index=["intake", "latest"]).T

# %% tags=["exercise"]
answer_7_2 = None  # a dict, e.g. {"Ana": "recovered", "Ben": "...", "Cai": "...", "Dev": "..."}

# %% tags=["solution"]
answer_7_2 = {name: classify_change(pre, post) for name, (pre, post) in cases.items()}
answer_7_2

# %%
ex.check_change_categories(answer_7_2, cases)

# %% [markdown]
# Note Cai: a 10-point drop that crosses the cutoff is still *unchanged*, because it is
# smaller than the reliable change. Crossing a line is not enough; the change must also
# be larger than the questionnaire's own error.
#
# The simulated clinic already has a `change_category` column, computed the same way:

# %%
clients.change_category.value_counts().reindex(
    ["recovered", "improved", "unchanged", "deteriorated"]
)

# %% [markdown]
# ### Exercise 7.3 · How many recovered?
#
# What **proportion** of the clinic's clients recovered? (Hint: compare the column with
# `"recovered"`, which gives True/False, and take the `.mean()`.)

# %% tags=["exercise"]
answer_7_3 = None  # a proportion between 0 and 1

# %% tags=["solution"]
answer_7_3 = float((clients.change_category == "recovered").mean())
answer_7_3

# %%
ex.check_recovered_share(answer_7_3, clients)

# %% [markdown]
# ## 4 · Expected recovery and signals
#
# A feedback system compares each session's score with the score *expected* at that
# session for a client who started at the same intake. Lambert's OQ system shows the
# result as a coloured signal:

# %%
for colour, meaning in SIGNALS.items():
    print(f"{colour}: {meaning}")
print(f"({lit.OQ_SIGNALS.cite()}; {lit.OQ_SIGNALS.status})")

# %% [markdown]
# The real system's expected-recovery curves are proprietary. The kit uses a simple
# stand-in, printed below: it is a **teaching assumption**, not the published algorithm.

# %%
print(lit.EXPECTED_RECOVERY_CURVE.note)

# %% [markdown]
# **Try this** in the explorer: pick the *not on track* course and find the first
# session with a warning. Then raise the intake score: does the client get a warning
# sooner or later? Switch to *recovers late*: would the warnings have been useful, or a
# false alarm? Finally turn feedback on and read what the published effect would mean
# for this client.

# %%
explorer = aw.FeedbackExplorer(course="not on track", intake=90)
explorer

# %% [markdown]
# Three of those experiments, driven from Python (what the explorer would show is in
# its `summary`): a higher intake, the client who recovers late, and the published
# effect of feedback for a not-on-track client.

# %%
explorer.intake = 120
readouts = ["Intake 120:\n" + explorer.summary]
explorer.intake, explorer.course = 90, "recovers late"
readouts.append("Recovers late:\n" + explorer.summary)
explorer.course, explorer.feedback = "not on track", "feedback + support tools"
readouts.append(explorer.summary.splitlines()[-1])
print("\n\n".join(readouts))

# %% [markdown]
# The warnings for the late recoverer were, in hindsight, false alarms; but while the
# signal was red nobody could know that. A warning is a prompt to talk with the client,
# not a verdict on the therapy.

# %% [markdown]
# ### Exercise 7.4 · Read the signal
#
# A client's OQ-45 scores over six sessions are below. Which signal would the kit's
# feedback system show at the **last** session? Answer with the colour.

# %%
scores = [88, 86, 87, 90, 95, 99]
scores

# %% [markdown]
# The expected scores for a client who starts at 88, from the kit's curve, are printed
# next to them. Remember the rule above: worse than expected by more than half a
# reliable change is yellow, by more than a whole one red.

# %%
feedback_signals(scores)[["session", "score", "expected"]].round(1)

# %% tags=["exercise"]
answer_7_4 = None  # "white", "green", "yellow" or "red"

# %% tags=["solution"]
answer_7_4 = feedback_signals(scores).signal.iloc[-1]
answer_7_4

# %%
ex.check_signal(answer_7_4, scores)

# %% [markdown]
# ## 5 · Not-on-track clients in the clinic
#
# Run the same signals for every client of the simulated clinic. Do the clients who ever
# got a red signal end up differently from the others?

# %%
intake = clients.set_index("client_id").intake_outcome
rows = []
for client_id, visits in clinic.sessions.groupby("client_id", observed=True):
    signals = feedback_signals(
        visits.set_index("session").outcome, intake=float(intake[client_id])
    ).signal
    rows.append({"client_id": client_id, "ever_red": bool((signals == "red").any())})
flags = pd.DataFrame(rows)
with_flags = clients.merge(flags, on="client_id")
pd.crosstab(with_flags.ever_red, with_flags.change_category, normalize="index").round(2)

# %% [markdown]
# Each row is one group of clients (`True`: signalled red at least once), and its
# numbers are the shares of that group in each outcome category, adding up to 1. The
# first column is the one to look at:

# %%
red = with_flags.loc[with_flags.ever_red]
never_red = with_flags.loc[~with_flags.ever_red]
display(
    Markdown(
        f"**{len(red)} of {len(with_flags)}** clients were signalled red at least once. "
        f"Of them, **{(red.change_category == 'recovered').mean():.0%}** recovered, "
        f"against **{(never_red.change_category == 'recovered').mean():.0%}** of the "
        "others."
    )
)

# %% [markdown]
# Clients who were ever signalled red seldom or never recover: the warning picks out
# the clients a therapist most needs to notice. (In this simulation nobody acts on the
# warnings. Feedback is meant to change that.)
#
# ## 6 · Does feedback help?
#
# Many trials have compared therapy with and without feedback. The pooled results:

# %%
for fig in (lit.FEEDBACK_EFFECT_2021, lit.FEEDBACK_CST_2023, lit.PCOMS_EFFECT):
    print(fig.describe())
print(lit.FEEDBACK_EFFECT_2021.note)

# %% [markdown]
# *d* and *g* are **standardised mean differences**: how far apart the average outcomes
# of clients with and without feedback are, in units of the standard deviation (SD) of
# the outcome. (*g* is *d* with a small correction for small studies.) To feel the size,
# turn them back into OQ-45 points with the SD of our clinic's intake scores:

# %%
overall_d = lit.FEEDBACK_EFFECT_2021.value
cst_low, cst_high = lit.FEEDBACK_CST_2023.value
display(
    Markdown(
        f"Overall: {overall_d} × {sd_intake} ≈ **{overall_d * sd_intake:.1f} points** "
        f"better at the end, well under the reliable change of "
        f"{lit.OQ45_RELIABLE_CHANGE.value} points. Not-on-track clients with clinical "
        f"support tools: about **{cst_low * sd_intake:.0f}–{cst_high * sd_intake:.0f} "
        "points**. These are averages over many clients, not what each client gains."
    )
)

# %% [markdown]
# ### Exercise 7.5 · How much does feedback help?
#
# Which sentence fits these results best? Answer with the letter.

# %%
for letter, text in ex.FEEDBACK_EFFECT_OPTIONS.items():
    print(f"{letter}: {text}")

# %% tags=["exercise"]
answer_7_5 = None  # "a", "b", "c" or "d"

# %% tags=["solution"]
answer_7_5 = "b"

# %%
ex.check_feedback_effect(answer_7_5)

# %% [markdown]
# ## What this lesson corrects
#
# - *"Feedback helps everyone a lot."* Its average effect is small; it helps most for
#   clients who are not on track, especially when the therapist has clinical support
#   tools to act on the warning.
# - *"Ending below the cutoff means recovered."* Recovery needs a reliable change too;
#   a small drop that happens to cross the line (Cai, above) is within measurement error.
# - *"A red signal means the therapy has failed."* It is a prompt to talk with the
#   client. Some clients recover late, and the signal cannot know that in advance.
# - *"A higher score is better."* Not on the OQ-45: higher means more distress.
#
# ## Reflection and practice
#
# - A client you like is signalled red. What would you feel, and what would you say in
#   the next session? Try: "Your scores suggest things have been harder lately. Can we
#   look at that together? Is there something about our work that isn't helping?"
# - Why might a client's scores get worse *before* they get better? How would you tell
#   that apart from a therapy that is not working?
# - How would you introduce a weekly questionnaire to a new client so that it feels
#   like part of the work, not a test?
# - Practice: end a role-played session with "Did we spend today on what you wanted? Is
#   there anything else you wanted to talk about?" and discuss how it felt on both sides.
#
# ## What to remember
#
# - On the OQ-45 higher is worse. A change is reliable when it exceeds the measure's own
#   error; recovery needs reliable change *and* crossing the cutoff.
# - Feedback systems compare each score with expected recovery and warn early.
# - Feedback's average effect is small; it helps most for not-on-track clients,
#   especially with clinical support tools. It is not a cure-all.
#
# ## References

# %%
for ref in lit.references(
    lit.OQ45_RANGE,
    lit.OQ45_CLINICAL_CUTOFF,
    lit.JACOBSON_TRUAX_CRITERION,
    lit.OQ_SIGNALS,
    lit.FEEDBACK_EFFECT_2021,
    lit.FEEDBACK_CST_2023,
    lit.PCOMS_EFFECT,
):
    print("-", ref)

# %% [markdown]
# **Next:** lesson 08, *Capstone: analyse a clinic of your own*.
