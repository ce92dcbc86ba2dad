# %% [markdown]
# # Lesson 02 — Lambert's outcome-variance model and its critics
#
# *Estimated time: 50 minutes. No statistics background needed.*
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
# - set the pie beside the empirical estimates and say why they cannot simply be compared;
# - state both sides of the "dodo-bird" debate about whether treatments differ.

# %%
import pandas as pd
from IPython.display import Markdown, display

import alliance_widgets as aw
from alliance_lessons import (
    check_alliance_share,
    check_lambert_comparison,
    check_lambert_evidence,
    check_pie_statements,
)
from alliance_lessons.lesson02 import (
    COMPARISON_OPTIONS,
    EVIDENCE_OPTIONS,
    PIE_STATEMENTS,
)
from alliance_widgets import literature as lit
from alliance_widgets.charts import static_bundle
from alliance_widgets.science import d_to_r, empirical_estimates, variance_explained

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
# ### Exercise 2.1
#
# Predict before you read on: what kind of evidence do you think the split is? Answer with
# the letter in quotes, e.g. `"a"`.

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
# The status printed with the split says *as commonly reported*: the split is quoted again
# and again, usually from later books (Asay & Lambert's chapter among them), and the kit
# has not checked the figures against the original chapter. Note also its unit: a share
# of clients' *improvement*, not of the variance in outcome that later studies measure.
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
# (statisticians say *variance explained*). A d is first turned into an r with
# r = d / √(d² + 4) (for two equal groups); the table further down shows an example.
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
# (compare its two columns). They are not current: with the 2018 correlations most of them
# are smaller (goal consensus, for one, roughly halves). And they were never shares of a
# pie: like the estimates in the next section, they overlap.

# %%
print(lit.NORCROSS_2011_R.note)

# %% [markdown]
# ## The estimates side by side
#
# Now switch the explorer to the empirical view (the button at the top, or from Python):

# %%
lambert.view = "empirical"
print(lambert.summary)
display(static_bundle(lambert.spec), raw=True)

# %% [markdown]
# The explorer's sentence about the alliance says why its bar cannot be set against the
# relationship slice; the exercise below comes back to it.
#
# Most of the bars come from two sources: Wampold's 2015 review of common and specific
# factors, and the 2018 task force of the American Psychological Association led by
# Norcross and Lambert (yes, the same Lambert), which commissioned a meta-analysis for
# each relationship element. The rest (the effect of therapy as a whole, differences
# between therapists and between treatments) come from books that review the wider
# research.
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
# The row for receiving therapy at all, with the effect size it comes from:

# %%
print(lit.THERAPY_TOTAL_EFFECT.describe())

# %% [markdown]
# One conversion worked through, for a d in the table (Wampold's figure for empathy):

# %%
d_empathy = lit.WAMPOLD_2015_D.value["empathy"]
r_empathy = d_to_r(d_empathy)
print(
    f"d = {d_empathy} → r = {d_empathy} / √({d_empathy}² + 4) = {r_empathy:.3f} → "
    f"r² = {100 * r_empathy**2:.1f} % of the variance"
)

# %% [markdown]
# The two empathy rows come from different summaries and years (Wampold's d summarises
# the earlier meta-analyses; the r row is the 2018 one), so they need not agree exactly.
#
# Four things to notice:
#
# - receiving therapy at all accounts for a share of variance that sounds modest, yet it
#   comes from a d that is conventionally called *large*: squaring makes every effect look
#   small (lesson 04 shows another way to picture size). **The alliance** accounts for a
#   few percent;
# - in this table the **specific ingredients** of a treatment come out close to zero, and
#   so do the differences between one treatment and another. That is one reading of the
#   research, and it is disputed (the dodo-bird debate, below);
# - the rows **overlap and do not add up** to 100 %: each comes from its own studies.
#   Rows marked *as commonly reported* are quoted as they are usually quoted; the kit has
#   not checked them against the original paper;
# - one single element (find it in the table) comes out about *as large as* receiving
#   therapy at all. Two rounded estimates a percentage point apart cannot be ranked: each
#   has its own wide interval. And the rows answer different questions: an element's r
#   compares clients who all received therapy; the effect of therapy compares treated with
#   untreated people. One more reason the rows cannot be slices of one pie.
#
# ### Exercise 2.3
#
# The explorer's empirical view puts the alliance's share of variance (a few percent) on
# the same axis as Lambert's relationship slice. What does setting the two numbers side
# by side show? Answer with the letter in quotes.

# %%
for letter, text in COMPARISON_OPTIONS.items():
    print(f"{letter}  {text}")

# %% tags=["exercise"]
answer_2_3 = None  # your answer here, e.g. "a"

# %% tags=["solution"]
answer_2_3 = "b"

# %%
check_lambert_comparison(answer_2_3)

# %% [markdown]
# ## The dodo-bird debate: do treatments differ?
#
# Saul Rosenzweig suggested, long before the meta-analyses, that different therapies work
# about equally well, because what they share matters more than what sets them apart. He
# borrowed a line from *Alice in Wonderland*, where the Dodo judges a race:

# %%
print(lit.DODO_BIRD.describe())
print()
print(lit.TREATMENT_DIFFERENCES.describe())
print(lit.WAMPOLD_2015_D.describe())

# %% [markdown]
# Wampold and colleagues read the comparisons of bona fide treatments as supporting the
# verdict: the differences between treatments and the specific ingredients come out near
# zero. Others read the evidence differently: comparisons of particular therapies for
# particular problems, and studies that add one specific component to a treatment and
# compare it with the treatment alone, have found small differences. A meta-analysis of
# such component studies:

# %%
print(lit.TREATMENT_DIFFERENCES_CRITIQUES.describe())

# %% [markdown]
# That finding was contested in turn: a reply from the other side found the larger follow-
# up difference not statistically supported. Both sides agree that differences between
# established treatments are small next to the differences between clients and between
# therapists. They disagree on whether "small" means "none", and on whether it holds for
# every problem. For a therapist the practical reading is the same either way: a technique
# is delivered inside a relationship, and both deserve care.
#
# The task force that pooled the relationship research (led by Norcross and Lambert)
# gave each relationship element its own meta-analysis and a verdict:

# %%
task_force = lit.TASK_FORCE_2018
for (verdict, elements), count in zip(
    task_force.value.items(), task_force.extra["counts"].values(), strict=True
):
    print(f"{verdict} ({count} element{'s' if count != 1 else ''}): {', '.join(elements)}")
print()
print(task_force.note)
print(f"({task_force.cite()}; status: {task_force.status})")

# %%
counts = task_force.extra["counts"]
display(
    Markdown(
        f"Why {counts['demonstrably']} demonstrably effective elements? The task force "
        "counted **the alliance three times**, once for each of its meta-analyses: in "
        "individual adult therapy, in child and adolescent therapy, and in couple and "
        "family therapy. Add collaboration, goal consensus, group cohesion, empathy, "
        "positive regard and collecting client feedback. And "
        f"{task_force.extra['meta_analyses']} meta-analytic articles cover "
        f"{sum(counts.values())} elements because goal consensus and collaboration were "
        "analysed in one article."
    )
)

# %% [markdown]
# ### Exercise 2.4
#
# Which of these statements are true? Select **all** that apply:
# answer with a list of letters, e.g. `["a", "c"]`.

# %%
for letter, (text, _) in PIE_STATEMENTS.items():
    print(f"{letter}  {text}")

# %% tags=["exercise"]
answer_2_4 = None  # your answer here, e.g. ["a", "c"]

# %% tags=["solution"]
answer_2_4 = ["b", "c"]

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
        f'- *"The relationship explains {relationship:.0f} % of outcome, so the alliance '
        f'({100 * variance_explained(r_alliance):.0f} %) is only a small part of it."* The '
        f"{relationship:.0f} % is Lambert's judged share of *improvement* for all common "
        "and relationship factors together; the alliance's share comes from its r "
        f"({r_alliance}) squared, a share of *variance* for one element. Not like for "
        "like.\n"
        '- *"Research shows techniques do not matter."* That is one side of the dodo-bird '
        "debate; a meta-analysis of studies that added a specific component found small "
        "differences.\n"
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
# - If the differences between techniques are small, what does that mean for how a
#   therapist spends a session? And if they are small but real for some problems?
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
    lit.DODO_BIRD,
    lit.TREATMENT_DIFFERENCES_CRITIQUES,
    lit.TASK_FORCE_2018,
    lit.ELEMENT_R_2018,
    lit.NORCROSS_2011_R,
    lit.ALLIANCE_OUTCOME_R_2018,
):
    print(ref)

# %% [markdown]
# **Next:** lesson 03, *Meet the data: a synthetic clinic*.
