# %% [markdown]
# # Lesson 02 — Lambert's outcome-variance model and its critics
#
# *Estimated time: 40 minutes. No statistics background needed.*
#
# Why do clients get better in therapy? Is it the method the therapist uses, the
# relationship, the client's hope, or things in the client's life outside therapy? One
# answer, a pie chart with four slices, has been printed in textbooks, training slides and
# websites for more than thirty years. This lesson looks at where that pie came from, what
# it can and cannot tell you, and what later research actually estimated.
#
# ## What you will be able to do
#
# - name Lambert's four factors and say what each one means in a therapy room;
# - explain what kind of evidence the famous split is, and what it is not;
# - turn a published correlation into a share of variance, and check a figure quoted online;
# - set the pie beside the empirical estimates and say why they cannot simply be compared.

# %%
import pandas as pd
from IPython.display import Markdown, display

import alliance_widgets as aw
from alliance_lessons import (
    check_alliance_share,
    check_goal_consensus_share,
    check_lambert_evidence,
    check_pie_statements,
)
from alliance_lessons.lesson02 import EVIDENCE_OPTIONS, PIE_STATEMENTS
from alliance_widgets import literature as lit
from alliance_widgets.charts import static_bundle
from alliance_widgets.science import empirical_estimates, variance_explained

shares = lit.LAMBERT_1992_SHARES.value
split = "/".join(f"{v:.0f}" for v in shares.values())

# %% [markdown]
# ## Lambert's four factors
#
# In the early 1990s the psychologist Michael Lambert read the research on psychotherapy
# outcome and asked: of all the improvement clients show, how much is due to what? He
# named four groups of factors:
#
# - **extratherapeutic factors**: everything about the client and their life outside the
#   session: their strengths, their support, luck, events that happen to them;
# - **the relationship** (often called *common factors*): the alliance, empathy, warmth,
#   acceptance: what every good therapy shares, whatever its method;
# - **expectancy** (hope, or the *placebo* part): the client's belief that therapy can
#   help, and the hope that comes with starting it;
# - **technique**: the specific methods of a school of therapy, such as exposure in
#   behaviour therapy or interpretation in psychodynamic work.
#
# He put a percentage on each. Here they are, printed from the kit's list of sources:

# %%
factor_names = {"extratherapeutic": "extratherapeutic factors", "relationship": "the relationship"}
print(lit.LAMBERT_1992_SHARES.describe())
display(
    Markdown(
        f"In short: **{split}**. Read it as: of the improvement clients show, "
        + ", ".join(f"{v:.0f} % to {factor_names.get(k, k)}" for k, v in shares.items())
        + "."
    )
)

# %% [markdown]
# The status says *as commonly reported*: the split is quoted again and again, usually
# from later books (Asay & Lambert's chapter among them), and the kit has not checked the
# figures against the original chapter.
#
# ## The explorer
#
# The explorer below draws the split as bars. You can move a share: the other three
# rescale so that the four always add to 100. The *Empirical estimates* switch shows what
# meta-analyses found instead, and *Simulate a study* makes up a clinic whose clients
# improve exactly as your split says. Under the chart the explorer writes what it shows.

# %%
lambert = aw.LambertExplorer()
lambert

# %% [markdown]
# What the explorer says, as plain text (it is the same whatever program you read this
# lesson in):

# %%
print(lambert.chart_description())
print(lambert.summary)

# %% [markdown]
# ## What the pie is, and what it is not
#
# The split was an **informed estimate**: Lambert read the studies of his time and judged
# how large each factor seemed. That is a reasonable thing for an expert to do, but it is
# not a measurement:
#
# - no effect sizes were pooled: the split is **not a meta-analysis** (a statistical
#   summary of many studies), though it is often cited as if it were;
# - no study measured the four factors side by side in the same clients;
# - in real clients the factors are **tangled together**: hope grows when the
#   relationship is good, a technique works better when the client believes in it, a
#   supportive family makes it easier to come to sessions. Tangled factors do not have
#   separate slices that add up to 100.
#
# The kit's note on the figure says it in one line:

# %%
print(lit.LAMBERT_1992_SHARES.note)

# %% [markdown]
# ### Exercise 2.1
#
# What kind of evidence is Lambert's split? Answer with the letter in quotes, e.g. `"a"`.

# %%
for letter, text in EVIDENCE_OPTIONS.items():
    print(f"{letter}  {text}")

# %% tags=["exercise"]
answer_2_1 = None  # your answer here, e.g. "a"

# %% tags=["solution"]
answer_2_1 = "b"

# %%
check_lambert_evidence(answer_2_1)

# %% [markdown]
# ## A study that follows the pie exactly
#
# Suppose a clinic's clients really did improve as the sum of four separate factors with
# Lambert's shares. Could a study recover the split? The explorer can simulate such a
# clinic. Each made-up client gets four separate amounts of improvement, one per factor;
# their total is the client's improvement. The study then asks how much of the
# differences between clients each factor accounts for.

# %%
lambert.simulate_study()
print(lambert.summary)

# %% [markdown]
# (The *seed* is the number that fixes which made-up clients are drawn: the same seed
# gives the same study on every computer, another seed a different one.)
#
# The explorer above has redrawn itself. Here is a still copy of its chart as it is now
# (a snapshot stays put when you move the sliders again):

# %%
display(static_bundle(lambert.spec), raw=True)

# %% [markdown]
# The estimates land close to the split, up to a little sampling error, **because the
# split was built into the data**. Try moving the relationship share in the explorer to a
# different value and pressing *Simulate a study*: the data obey whatever you set. That is
# the point. A simulation can only show what its maker put in; real clients were not made
# from four separate slices, so no real study can measure a pie like this one.
#
# You can do the same from Python. Here the relationship gets twice Lambert's share:

# %%
lambert.set_share("relationship", 2 * shares["relationship"])
print(lambert.summary)

# %% [markdown]
# ## What the data estimate
#
# Later researchers took a different route. Instead of dividing 100 % between factors,
# they measured each factor on its own, in many studies, and pooled the results. Each
# result is an **effect size**: a correlation **r**, or a difference between groups **d**.
# Lesson 04 explains both; for now one rule is enough: squaring a correlation gives the
# **share of the differences between clients' outcomes** that the factor accounts for
# (statisticians say *variance explained*). A d is first turned into an r.
#
# Try the rule before looking at the estimates.

# %% [markdown]
# ### Exercise 2.2
#
# The 2018 alliance–outcome correlation is printed below. What percentage of the variance
# in outcome does it explain? Write a number in percent (for example `12.5`); you may use
# Python as a calculator.

# %%
r_alliance = lit.ALLIANCE_OUTCOME_R_2018.value
print(f"r = {r_alliance} ({lit.ALLIANCE_OUTCOME_R_2018.cite()})")

# %% tags=["exercise"]
answer_2_2 = None  # your answer here, in %

# %% tags=["solution"]
answer_2_2 = 100 * r_alliance**2

# %%
check_alliance_share(answer_2_2)

# %% [markdown]
# ## A list that circulates online
#
# Search the web for the importance of the therapeutic relationship and you will soon find
# a list like *goal consensus explains so many percent of outcome, empathy so many…*. Where
# do those percentages come from? They are the 2011 correlations, squared. The table puts
# the 2011 r, its square, the figure quoted online, and the 2018 r (from the task force's
# new meta-analyses, below) side by side:

# %%
r_2011 = lit.NORCROSS_2011_R.value
quoted = lit.NORCROSS_2011_R.extra["quoted_percent"]
r_2018 = lit.ELEMENT_R_2018.value
pd.DataFrame(
    [
        {
            "element": name,
            "r (2011)": r,
            "r² (2011, %)": round(100 * variance_explained(r), 1),
            "quoted online (%)": quoted[name],
            "r (2018)": r_2018.get(name),
        }
        for name, r in r_2011.items()
    ]
)

# %% [markdown]
# The online figures are the squares of the 2011 correlations, one of them miscopied
# (compare its two columns). They are not current, and they were never shares of a pie:
# like the estimates in the next section, they overlap.

# %%
print(lit.NORCROSS_2011_R.note)

# %% [markdown]
# ### Exercise 2.3
#
# Goal consensus is the agreement between client and therapist on what therapy is for,
# one of Bordin's three components (lesson 01). Using its **2018** correlation from the
# table above, what percentage of the variance in outcome does it explain?

# %% tags=["exercise"]
answer_2_3 = None  # your answer here, in %

# %% tags=["solution"]
answer_2_3 = 100 * r_2018["goal consensus"] ** 2

# %%
check_goal_consensus_share(answer_2_3)

# %% [markdown]
# ## The estimates side by side
#
# Now switch the explorer to the empirical view (the button at the top, or from Python):

# %%
lambert.view = "empirical"
print(lambert.summary)
display(static_bundle(lambert.spec), raw=True)

# %% [markdown]
# Most of the bars come from two sources: Wampold's 2015 review of common and specific
# factors, and the 2018 task force of the American Psychological Association led by
# Norcross and Lambert (yes, the same Lambert), which gave each relationship element its
# own meta-analysis. The rest (the effect of therapy as a whole, differences between
# therapists and between treatments) come from books that review the wider research.
#
# Here are the rows, largest first. Each gives the factor, how its source reported it
# (`measure`: a correlation r, a difference d, or directly a percentage), the reported
# value, and the share of variance it implies. A factor can appear twice, once from each
# source; the `source` and `status` columns say where each row comes from.

# %%
table = empirical_estimates()
table["share of variance (%)"] = table["percent"].round(1)
shown = table[["factor", "measure", "reported", "share of variance (%)", "source", "status"]]
shown.sort_values("share of variance (%)", ascending=False, kind="stable").reset_index(drop=True)

# %% [markdown]
# Four things to notice:
#
# - receiving therapy at all accounts for only a modest share of the differences between
#   people's outcomes, and **the alliance** for a few percent; no single element comes near
#   the relationship slice of the pie;
# - the **specific ingredients** of a treatment come out close to zero, and so do the
#   differences between one treatment and another;
# - the rows **overlap and do not add up** to 100 %: each comes from its own studies.
#   Rows marked *as commonly reported* are quoted as they are usually quoted; the kit has
#   not checked them against the original paper;
# - one single element (find it in the table) comes out *larger* than receiving therapy
#   at all. That is no contradiction: the rows answer different questions. An
#   element's r compares clients who all received therapy; the effect of therapy compares
#   treated with untreated people. One more reason the rows cannot be slices of one pie.
#
# The task force's verdict on each relationship element:

# %%
print(lit.TASK_FORCE_2018.describe())
print(lit.TASK_FORCE_2018.note)

# %% [markdown]
# ### Exercise 2.4
#
# Which of these statements about Lambert's split are true? Select **all** that apply:
# answer with a list of letters, e.g. `["a", "c"]`.

# %%
for letter, (text, _) in PIE_STATEMENTS.items():
    print(f"{letter}  {text}")

# %% tags=["exercise"]
answer_2_4 = None  # your answer here, e.g. ["a", "c"]

# %% tags=["solution"]
answer_2_4 = ["b", "c", "e"]

# %%
check_pie_statements(answer_2_4)

# %% [markdown]
# ## What this lesson corrects

# %%
relationship = shares["relationship"]
gc_quoted = quoted["goal consensus"]
gc_2018 = 100 * r_2018["goal consensus"] ** 2
display(
    Markdown(
        f'- *"{split} is a meta-analytic result."* It is an informed estimate from a '
        "narrative review, often attributed to studies that did not produce it.\n"
        f'- *"The relationship explains {relationship:.0f} % of outcome."* That is '
        f"Lambert's judgement. The alliance–outcome r of {r_alliance} is about "
        f"{100 * variance_explained(r_alliance):.0f} % of the variance.\n"
        f'- *"Goal consensus explains {gc_quoted:g} %, empathy {quoted["empathy"]:g} %…"* '
        f"These are squares of 2011 correlations. With the 2018 goal consensus r of "
        f"{r_2018['goal consensus']}, the share is about {gc_2018:.1f} %.\n"
        '- *"The shares add up to 100."* Real factors overlap and interact; only in a '
        "simulation built that way do they add up."
    )
)

# %% [markdown]
# None of this makes Lambert's message wrong: much of what helps clients lies outside the
# specific technique, and the relationship matters. What the numbers do not support is the
# exact slices.
#
# ## Reflect
#
# - The largest slice of the pie is the client's own life. What do you know about a
#   client's strengths and support outside therapy, and how could you learn more? (*"What
#   has helped you get through hard times before?"*)
# - Expectancy is about hope. How could you find out what a client expects? (*"What did
#   you hope therapy would be like? What helped, or didn't, before?"*)
# - If technique matters less than often thought, what does that mean for how a therapist
#   spends a session?
# - **Practice:** at the end of your next helping conversation, check the focus in your
#   own words: *"Did we work on what you wanted to work on today? Is there anything else
#   you wanted to talk about?"*
#
# ## References

# %%
for ref in lit.references(
    lit.LAMBERT_1992_SHARES,
    lit.THERAPY_TOTAL_EFFECT,
    lit.TREATMENT_DIFFERENCES,
    lit.THERAPIST_EFFECTS,
    lit.WAMPOLD_2015_D,
    lit.ELEMENT_R_2018,
    lit.NORCROSS_2011_R,
    lit.ALLIANCE_OUTCOME_R_2018,
):
    print(ref)

# %% [markdown]
# **Next:** lesson 03, *Meet the data: a synthetic clinic*.
