# %% [markdown]
# # Lesson 05 — Ruptures and repair
#
# *About 70 minutes. You need lessons 00–04 behind you, or at least lesson 03 (the
# synthetic clinic) and lesson 04 (what a correlation means).*
#
# Every therapeutic relationship has bad moments: the client goes quiet, agrees too
# quickly, or says the sessions are pointless. Researchers call these moments
# **ruptures**. This lesson is about what ruptures look like, how to find them in
# session-by-session alliance ratings, and what the research says about repairing them.
#
# ## What you will learn
#
# - say what an alliance rupture is, and tell a **withdrawal** rupture from a
#   **confrontation** rupture;
# - find ruptures in a client's session-by-session ratings, by eye and with
#   `detect_ruptures`, and say what a rupture *detector* can and cannot see;
# - describe how repair goes with outcome, and how strong that evidence is;
# - put into your own words what a therapist can say to start a repair.
#
# Run each cell in order (Shift + Enter). Exercises start with `answer = None`: replace
# `None` with your answer and run the cell and the check below it.

# %%
import pandas as pd
from IPython.display import Markdown, display

import alliance_lessons as ex
import alliance_widgets as aw
from alliance_widgets import literature as lit
from alliance_widgets.science import detect_ruptures, detect_ruptures_by_client

# %% [markdown]
# ## 1 · What is a rupture?
#
# In lesson 01 you met Bordin's three parts of the alliance: the bond, agreement on
# goals and agreement on tasks. A rupture is a moment when one or more of these strains
# or breaks. Researchers define it like this:

# %%
print(lit.RUPTURE_DEFINITION.describe())

# %% [markdown]
# Ruptures come in two broad kinds. In a **withdrawal** rupture the client moves *away*:
# they go quiet, defer to the therapist, change the subject, or talk about feelings in a
# detached, intellectual way. In a **confrontation** rupture the client moves *against*
# the therapist or the work: they complain, criticise or push. Withdrawal is easy to
# miss, because a withdrawing client often looks cooperative.

# %%
for kind, meaning in lit.RUPTURE_KINDS.value.items():
    print(f"{kind}: {meaning}")
print(f"({lit.RUPTURE_KINDS.cite()}; {lit.RUPTURE_KINDS.status})")

# %% [markdown]
# How common are they? More common than most trainees expect. The figure below is the
# usual summary of studies in which clients rate each session; the status at the end
# says how well it was checked for this kit ("as commonly reported" means it was not
# checked against the original paper).

# %%
low, high = lit.RUPTURE_FREQUENCY.value
display(
    Markdown(
        f"Clients report a rupture in roughly **{low:.0%}–{high:.0%} of sessions** "
        f"({lit.RUPTURE_FREQUENCY.cite()}, {lit.RUPTURE_FREQUENCY.status}). "
        f"{lit.RUPTURE_FREQUENCY.note}"
    )
)

# %% [markdown]
# ### Exercise 5.1 · Withdrawal or confrontation?
#
# Read the four moments below. For each, decide whether the client is moving *away*
# (withdrawal) or moving *against* (confrontation).

# %%
for letter, (moment, _) in ex.RUPTURE_VIGNETTES.items():
    print(f"{letter}. {moment}")

# %% tags=["exercise"]
answer_5_1 = None  # a dict, e.g. {"A": "withdrawal", "B": "...", "C": "...", "D": "..."}

# %% tags=["solution"]
answer_5_1 = {"A": "withdrawal", "B": "confrontation", "C": "withdrawal", "D": "confrontation"}

# %%
ex.check_rupture_kinds(answer_5_1)

# %% [markdown]
# ## 2 · Ruptures and repair in one client: the explorer
#
# The explorer below shows one simulated client's alliance, session by session, on the
# WAI-SR's 1–5 metric. A rupture shows as a dip below the client's recent level. When
# the rating comes back up, the dip and return make a **V shape**: a rupture that was
# repaired. Stevens and colleagues, who rated the alliance in every session, found V
# shapes in many of their cases (their figures are printed below; one case can show
# both a V shape and an overall rising or falling trend, so the shares add up to more
# than 100 %).
#
# **Try this:** move *rupture rate* to its maximum and watch the dips multiply; then set
# *repair rate* to its minimum. Which clients in the right-hand panel improve least?
# Switch to another client. The small ticks along the bottom mark where the simulation
# itself put a rupture: does the detector find all of them?

# %%
stevens = lit.STEVENS_2007_PATTERNS
display(
    Markdown(
        f"Of **{stevens.value['cases']} cases**, **{stevens.value['v_shaped_percent']} %** "
        f"showed at least one V-shaped rupture–repair sequence and "
        f"**{stevens.value['linear_percent']} %** a steady (linear) rise or fall "
        f"({stevens.cite()}; {stevens.status})."
    )
)

# %%
explorer = aw.RuptureRepairExplorer()
explorer

# %% [markdown]
# **Before you read anything into the right-hand panel:** if *some not repaired* comes
# out as the best-improving group, that is chance, not a finding. The kit's generator
# builds in no effect of repair. A client's total improvement depends on their overall
# alliance level; a single session's alliance only nudges the score at the next session
# (a dip is followed by a slightly worse score, and then the nudge is gone). So a dip,
# repaired or not, touches a client's final score only when it falls in their last
# sessions, and then by a point or two (the model is written out in
# `alliance_widgets.science.simulate_model`, the session-to-session nudge in
# `alliance_widgets.science.generator_draws`). Any larger gap between these groups is the
# luck of a few dozen clients. Move the *Study seed* slider a few times and watch the
# order of the groups change. Section 4 comes back to this with the detector's groups
# and their intervals.

# %% [markdown]
# Everything the explorer shows is also in its `summary`, and you can drive it from
# Python. Here is client 3 with three detectors: a sensitive one (a fall of 0.2 points
# counts), the kit's usual one, and a strict one (a full point). Which finds the
# simulation's own ruptures? Which raises false alarms?

# %%
explorer.client = 3
readouts = []
for threshold in (0.2, lit.RUPTURE_DETECTION.value["threshold"], 1.0):
    explorer.threshold = threshold
    readouts.append("\n".join(explorer.summary.splitlines()[:2]))
print("\n\n".join(readouts))
explorer.client, explorer.threshold = 7, lit.RUPTURE_DETECTION.value["threshold"]

# %% [markdown]
# No threshold is right for every client: a lower one catches more real dips *and*
# more ordinary wobble. Researchers face the same trade-off when they decide what
# counts as a rupture.

# %% [markdown]
# ## 3 · Finding ruptures in the numbers
#
# Researchers who rate the alliance every session need a rule for what counts as a
# rupture. There is no single agreed rule; this kit uses a simple one for teaching,
# printed below. It compares each session with the client's **running level**, the mean
# of the few sessions before it. A fall of at least the *threshold* starts a rupture; a
# return to (nearly) the old level within a few sessions counts as a repair.

# %%
rule = lit.RUPTURE_DETECTION
display(
    Markdown(
        f"**The kit's rule** ({rule.status}, not a published criterion): a rating at least "
        f"**{rule.value['threshold']} points** below the mean of the previous "
        f"**{rule.value['window']} sessions** starts a rupture; a return to within "
        f"**{rule.value['tolerance']} points** of that level within "
        f"**{rule.value['repair_within']} sessions** repairs it."
    )
)

# %% [markdown]
# Here is a simulated clinic (the same generator as the course's datasets, with a fixed
# seed so that everyone sees the same numbers). `sessions` has one row per client per
# session.

# %%
study = aw.simulate(seed=2026)
sessions = study.sessions
print(study.summary())
sessions[["therapist_id", "client_id", "session", "alliance", "outcome"]].head()

# %% [markdown]
# `detect_ruptures` applies the rule to one client's ratings. Each row is a session; the
# `drop` column is how far the rating fell below the running level (a negative drop
# means the rating rose above it), `rupture` marks the start of a rupture, and
# `repaired` says whether it was repaired (`<NA>` means "not a rupture", or that the
# series ended before we could tell).

# %%
found = detect_ruptures_by_client(sessions)
first_repaired = found.loc[found.rupture & found.repaired.fillna(False), "client_id"].iloc[0]
one_client = sessions.loc[sessions.client_id == first_repaired].set_index("session")["alliance"]
detect_ruptures(one_client).round(2)

# %% [markdown]
# Two things in that table puzzle most readers. While a rupture is open, further low
# sessions belong to it and do not start a new one, even when their `drop` is larger.
# And for sessions 2 and 3 the running level is the mean of the sessions there are (one,
# then two).

# %% [markdown]
# ### Exercise 5.2 · Find the ruptures by eye
#
# Here are another client's twelve ratings. Using the rule above, at which session(s)
# does a rupture **start**? Sessions are numbered from 1. (Tip: for each session, take
# the mean of the three before it and see how far the rating falls below it.)

# %%
practice = [4.2, 4.3, 4.1, 3.4, 3.6, 4.2, 4.3, 4.4, 3.6, 3.7, 3.6, 3.7]
pd.DataFrame({"session": range(1, len(practice) + 1), "alliance": practice}).set_index("session").T

# %% tags=["exercise"]
answer_5_2 = None  # a list of session numbers, e.g. [2, 7]

# %% tags=["solution"]
answer_5_2 = [4, 9]

# %%
ex.check_rupture_sessions(answer_5_2, practice)

# %% [markdown]
# Now check yourself against the detector: which of the two ruptures was repaired?

# %%
detect_ruptures(practice).query("rupture")

# %% [markdown]
# ### What a detector sees, and what it misses
#
# The simulation knows where it put each rupture (`sessions.rupture`). Compare that with
# what the rule finds. Most simulated ruptures are small dips hidden in the ordinary
# session-to-session wobble, and some "detected" ruptures are just the wobble. Real
# research has the same problem: clients report fewer ruptures than trained observers
# code, and a questionnaire misses a rupture the client does not mention.

# %%
ordered = sessions.sort_values(["client_id", "session"]).reset_index(drop=True)
pd.crosstab(
    ordered.rupture.rename("simulated rupture"),
    found.rupture.rename("detected rupture"),
    margins=True,
)

# %% [markdown]
# Read the table row by row: the `True` row holds the sessions where the simulation put
# a rupture, split by whether the rule flagged them; the `True` column holds every
# session the rule flagged. In numbers:

# %%
simulated, detected = ordered.rupture, found.rupture
display(
    Markdown(
        f"The rule found **{int((simulated & detected).sum())} of the "
        f"{int(simulated.sum())}** simulated ruptures; "
        f"**{int((detected & ~simulated).sum())} of its {int(detected.sum())}** detections "
        "were sessions where the simulation had put no rupture (ordinary wobble)."
    )
)

# %% [markdown]
# ### Exercise 5.3 · How many ruptures are repaired?
#
# Using `found` (the detector's table for every client), what **proportion** of the
# detected ruptures were repaired? Leave out ruptures whose repair is unknown (`<NA>`):
# those clients' series ended too soon to tell. Give a number between 0 and 1.

# %% tags=["exercise"]
answer_5_3 = None  # your answer here, e.g. found.loc[...]...

# %% tags=["solution"]
ruptures = found.loc[found.rupture]
answer_5_3 = float(ruptures.repaired.dropna().astype(bool).mean())
round(answer_5_3, 3)  # show three decimals; the check gets the full value

# %%
ex.check_repair_share(answer_5_3, sessions)

# %% [markdown]
# Does the detector's *repaired* agree with the simulation's own record of which
# ruptures were repaired? Take the sessions where both put a rupture:

# %%
both = ordered.rupture & found.rupture
pd.crosstab(
    ordered.loc[both, "repaired"].rename("simulation: repaired"),
    found.loc[both, "repaired"].astype("string").fillna("unknown").rename("detector: repaired"),
)

# %% [markdown]
# Hardly at all. In the kit's generator an *unrepaired* rupture is not a lasting drop:
# part of the dip lingers for one more session and then is gone. So within the rule's
# repair window nearly every simulated rupture looks repaired to the detector, and its
# *repaired* mostly measures session-to-session wobble. Keep that in mind in the next
# section: here, "not repaired" means little more than "a dip that lasted two sessions".

# %% [markdown]
# ## 4 · Does repair go with better outcome?
#
# Group the clients by what happened to their ruptures: no rupture detected, every
# rupture repaired, or at least one not repaired. Some clients' only open question is a
# rupture too near the end of their sessions to tell whether it was repaired: they are
# counted as *repair unknown*, then left out. `improvement` is intake minus final OQ-45
# score, so a **higher** number is **better**. (The explorer's right-hand panel grouped
# its clients by the ruptures the simulation itself put in, which no researcher can
# see; here the groups come from what the detector finds, as in a real study, so their
# sizes differ from the explorer's.)

# %%
per_client = found.groupby("client_id", observed=True).agg(
    n_ruptures=("rupture", "sum"),
    n_repaired=("repaired", lambda repaired: int(repaired.eq(True).sum())),
    n_not_repaired=("repaired", lambda repaired: int(repaired.eq(False).sum())),
)
per_client["group"] = "repair unknown"
per_client.loc[per_client.n_repaired == per_client.n_ruptures, "group"] = "all repaired"
per_client.loc[per_client.n_not_repaired > 0, "group"] = "some not repaired"
per_client.loc[per_client.n_ruptures == 0, "group"] = "no rupture"
print(per_client.group.value_counts().to_string())
# A client whose only unresolved rupture came too late to tell fits no group: left out.
grouped = per_client.loc[per_client.group != "repair unknown", ["group"]]
clients = study.clients.merge(grouped, left_on="client_id", right_index=True)
table = clients.groupby("group").improvement.agg(["count", "mean", "sem"])
table["ci_low"] = table["mean"] - 1.96 * table["sem"]
table["ci_high"] = table["mean"] + 1.96 * table["sem"]
table["sessions"] = clients.groupby("group").n_sessions.mean()
table["early alliance"] = clients.groupby("group").early_alliance.mean()
pd.set_option("display.width", 110)  # one line per group in the stored text version
table.round(2)

# %% [markdown]
# `count` is the number of clients in the group and `mean` their average improvement.
# `sem`, the **standard error of the mean**, says how much that average would wobble
# from one sample of clients to another; it shrinks as the group grows. The `ci_low` and
# `ci_high` columns, the mean ± 1.96 standard errors, give a 95 % interval for each
# group's mean (lesson 04). The last two columns are each group's mean number of
# sessions and mean early alliance. What do the groups show?
#
# To compare two groups, do not ask whether their intervals overlap: two 95 % intervals
# can overlap a little while the difference between the means is still clear. Compute
# the interval of the **difference** instead (its standard error is
# √(sem₁² + sem₂²)):

# %%
best, worst = table["mean"].idxmax(), table["mean"].idxmin()
difference = table.loc[best, "mean"] - table.loc[worst, "mean"]
se_difference = (table.loc[best, "sem"] ** 2 + table.loc[worst, "sem"] ** 2) ** 0.5
low, high = difference - 1.96 * se_difference, difference + 1.96 * se_difference
display(
    Markdown(
        f"The best-improving group is *{best}* ({table.loc[best, 'mean']:.1f} points), the "
        f"least *{worst}* ({table.loc[worst, 'mean']:.1f} points): a difference of "
        f"**{difference:.1f} points, 95 % interval {low:.1f} to {high:.1f}**, which "
        + ("includes 0." if low <= 0 <= high else "excludes 0.")
    )
)

# %% [markdown]
# This is worth a pause. **A simulation only contains what its makers put into it.** The
# kit's generator puts ruptures at random moments and lets improvement depend on each
# client's overall alliance level; a session's alliance, dip or not, nudges only the next
# session's score (the note under the explorer in section 2). Nothing in it rewards repair
# as such, so a difference between these groups is not an effect of repair. Part of it is
# chance; part is that the groups are not alike to begin with. Look at the `sessions`
# column: clients who came to more sessions had more chances to show a dip and to leave
# one unresolved. And dips are hard to see near the top of the scale, so clients with a
# high alliance tend to land in *no rupture*, and in this generator a higher alliance goes
# with more improvement. Groups defined by what happened *during* treatment differ in how
# long they were watched and where they started; real repair studies face the same trap,
# and compare like with like (for example, clients with the same number of sessions).
#
# That makes this clinic a useful contrast with real studies, which do find an
# association. An early meta-analysis pooled three studies; its 2018 update pooled
# eleven:

# %%
for fig in (lit.REPAIR_OUTCOME_R_2011, lit.REPAIR_OUTCOME_R_2018):
    print(fig.describe(), f"— k = {fig.k} studies")

# %% [markdown]
# Read these as you read the alliance–outcome correlation in lesson 04: a correlation
# of this size is a real but **modest** association (square it for the share of
# variance, as there). It also does not say *why* repair and outcome go together.
#
# ### Exercise 5.4 · Could it be something other than repair?
#
# Suppose repairing a rupture, by itself, did nothing for outcome. Which of these could
# still make clients whose ruptures were repaired do better? Choose **all** that could.

# %%
for letter, text in ex.REPAIR_EXPLANATIONS.items():
    print(f"{letter}: {text}")

# %% tags=["exercise"]
answer_5_4 = None  # a list of letters, e.g. ["a", "e"]

# %% tags=["solution"]
answer_5_4 = ["a", "b", "c"]

# %%
ex.check_repair_explanations(answer_5_4)

# %% [markdown]
# ## 5 · How strong is the evidence?
#
# In 2018 an interdivisional task force of the American Psychological Association
# commissioned a meta-analysis for each of a set of relationship elements and then sorted
# the elements into three groups by the strength of their evidence: **demonstrably
# effective**, **probably effective** and **promising** (too little research to judge).
#
# ### Exercise 5.5 · Is rupture repair "demonstrably effective"?
#
# You will often read that repairing ruptures is proven to work. How do you think the
# task force rated it, given the meta-analyses printed above (how many studies each
# pooled)? Answer with the letter; the task force's groups are printed after the check.
#
# - `"a"` demonstrably effective
# - `"b"` probably effective
# - `"c"` promising
# - `"d"` shown not to work

# %% tags=["exercise"]
answer_5_5 = None  # "a", "b", "c" or "d"

# %% tags=["solution"]
answer_5_5 = "b"

# %%
ex.check_repair_evidence(answer_5_5)

# %% [markdown]
# The task force's three groups, as this kit records them:

# %%
task_force = lit.TASK_FORCE_2018
for verdict, elements in task_force.value.items():
    print(f"{verdict}: {', '.join(elements)}")
counts = task_force.extra["counts"]
print(
    f"\n{task_force.extra['meta_analyses']} meta-analyses; "
    f"{counts['demonstrably']} elements demonstrably effective, {counts['probably']} probably "
    f"effective, {counts['promising']} promising ({task_force.cite()}; the counts are "
    f"confirmed, which element is in which group is {task_force.status})."
)

# %% [markdown]
# Two things in those counts confuse almost everyone, so here they are. First, the
# **alliance** counts as three elements, not one: the task force had separate
# meta-analyses of the alliance in individual adult therapy, in child and adolescent
# therapy, and in couple and family therapy, and rated each. Add collaboration, goal
# consensus, group cohesion, empathy, positive regard and collecting client feedback and
# you reach the nine *demonstrably effective* elements. Second, nine, seven and one make
# seventeen elements from sixteen meta-analyses because **goal consensus and
# collaboration** were analysed together in one article, which reported a result for each
# (their r values are in lesson 02).

# %% [markdown]
# ## 6 · What can a therapist say?
#
# Practitioners who write about repair agree on a few habits: notice the rupture and
# name it gently, invite the client's view of what happened, and take your own share
# of it **without defending yourself**. A repaired rupture can be one of the most useful
# moments in therapy: the client experiences a relationship that survives strain.
# Some things a therapist might say (in our words):
#
# - *Checking the focus:* "Did we spend today on what you wanted? Is there anything
#   else you wanted to talk about?"
# - *Checking understanding:* "Did you feel heard today? Is there anything I got
#   wrong?"
# - *Inviting disagreement:* "Would you feel able to tell me if you disagreed with me?
#   What might make that hard?"
# - *Thanking for a correction:* "Thanks for putting me right. So what you mean is …"
#
# ### Exercise 5.6 · Start a repair
#
# Take vignette C from Exercise 5.1 (the client agrees with everything in a flat voice
# and gives one-word answers). Which of these openings would best start a repair? Each
# wrong choice gets an explanation, so try more than one.

# %%
for letter, text in ex.REPAIR_OPENINGS.items():
    print(f"{letter}: {text}")

# %% tags=["exercise"]
answer_5_6 = None  # "a", "b", "c", "d" or "e"

# %% tags=["solution"]
answer_5_6 = "d"

# %%
ex.check_repair_opening(answer_5_6)

# %% [markdown]
# **Now write your own.** In a new cell or on paper, write two or three sentences you
# could say to client C in your own words. No program marks it: whether a sentence
# repairs or wounds depends on more than its words. Score yourself (or swap with a
# classmate) on each line of this rubric, 0 (missing), 1 (partly) or 2 (clearly there):
#
# - **Names what happened:** describes what you noticed (the flat agreement, the short
#   answers) without labelling the client ("passive", "resistant").
# - **Invites the client's view:** a real question the client could answer with a
#   criticism, and a sign that a criticism is welcome.
# - **Owns your part:** takes a share of what happened ("I have done most of the
#   talking") without excuses or defending the plan.
# - **Tone:** no blame, no pressure, no sarcasm. Would you be glad to hear it as the
#   client?
#
# A model answer: option *d* above. Then say yours aloud: tone and timing do as much as
# the words.

# %% [markdown]
# ## What this lesson corrects
#
# - *"Rupture repair is demonstrably effective."* The 2018 task force rated it
#   *probably* effective: the association with outcome is real but rests on few, small
#   studies, and it does not show that repair causes better outcome.
# - *"A rupture is an argument."* Confrontation is only one kind. Withdrawal (going
#   quiet, agreeing too readily, changing the subject) is easy to miss because the
#   client looks cooperative.
# - *"Every rupture shows as a low score."* Ratings show only some ruptures: a dip is
#   one sign, and clients also report ruptures when asked directly after a session, and
#   observers code them from recordings. A steadily low alliance is a concern in its own
#   right, even with no dip.
# - *"A rupture means the therapy is failing."* V shapes are common. Whether repaired
#   ruptures go with better outcome is judged by the meta-analyses of section 4 (a modest
#   association), not by any single pattern; practitioners describe a repaired rupture as
#   a moment when the client learns that the relationship survives strain.
#
# ## Reflection and practice
#
# - Think of a time someone you trusted misunderstood you. What did they do (or not
#   do) that made it better or worse?
# - Withdrawal ruptures are easy to miss. What signs in a session would tell you a
#   client has withdrawn? How would you check without putting them on the spot?
# - How comfortable would a client be telling *you* that a session was not helpful?
#   What could you do in the first session to make that easier?
# - In a role-play with a classmate, practise one of the check-in questions above at
#   the end of a mock session, and then swap roles.
#
# ## What to remember
#
# - A rupture is a strain or break in the collaboration. Withdrawal (moving away) is
#   easier to miss than confrontation (moving against).
# - In ratings made every session a rupture can show as a dip, and a repair as a V
#   shape; any rule that finds them misses some and invents others, and a detector's
#   "repaired" is only as good as its rule.
# - Repair goes with better outcome, but the evidence rests on few studies: the task
#   force rated it *probably*, not *demonstrably*, effective. And a correlation cannot
#   say whether repair causes the better outcome.
#
# ## References

# %%
for ref in lit.references(
    lit.RUPTURE_DEFINITION,
    lit.RUPTURE_KINDS,
    lit.RUPTURE_FREQUENCY,
    lit.STEVENS_2007_PATTERNS,
    lit.REPAIR_OUTCOME_R_2011,
    lit.REPAIR_OUTCOME_R_2018,
    lit.TASK_FORCE_2018,
):
    print("-", ref)

# %% [markdown]
# **Next:** lesson 06, *Therapist effects*.
