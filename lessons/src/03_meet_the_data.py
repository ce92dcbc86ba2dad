# %% [markdown]
# # Lesson 03 — Meet the data: a synthetic clinic
#
# *Estimated time: 60 minutes. No statistics background needed; a little Python is
# introduced as you go.*
#
# Research on the alliance rests on data: clients' answers to questionnaires, session
# after session. In this lesson you meet the kit's **synthetic clinic**: made-up clients
# and therapists whose numbers behave like those in published studies. You will learn how
# such data are laid out, how to read the codebook that says what every column means, how
# to ask simple questions of the data with *pandas* (Python's table library), and how to
# draw your first charts with *altair*.
#
# ## What you will be able to do
#
# - load a dataset and say what one row of each of its tables stands for;
# - look up a column's unit, range and meaning in the codebook;
# - count, filter and group a table with pandas;
# - read a histogram, a line chart and a scatter plot (the code is given), each with a sentence
#   that says what it shows.

# %%
import altair as alt
import pandas as pd

import alliance_widgets as aw
from alliance_lessons import (
    check_above_cutoff,
    check_client_means,
    check_count,
    check_improvement_points,
    check_weak_alliance_recovered,
)
from alliance_widgets import literature as lit
from alliance_widgets.charts import PALETTE
from alliance_widgets.science import detect_ruptures_by_client

pd.set_option("display.max_colwidth", 110)

# %% [markdown]
# ## The datasets
#
# The kit ships a few datasets. All are **synthetic**: every number was made by the kit's
# generator from a recorded seed, so no real person is described and you can share them
# freely. The generator is calibrated to the research you meet in this course.

# %%
print(aw.list_datasets())
clinic = aw.load_dataset("clinic")
print(clinic.title)
print(clinic.description)

# %% [markdown]
# ## Tidy data: what is one row?
#
# The clinic comes as three tables. Each is **tidy**: one row per observation, one column
# per kind of measurement. The question to ask of any table is *what does one row stand
# for?*
#
# - `clients`: one row per **client**: how many sessions they came to (and whether that
#   was every session offered), their distress score at the start and at the end, their
#   early alliance;
# - `sessions`: one row per **client per session**: the alliance ratings (bond, goals,
#   tasks and their composite) and the distress score at that session;
# - `items`: one row per **answer**: each of the twelve WAI-SR answers a client gave after
#   each session (lesson 01 scored them).

# %%
for name, table in clinic.tables.items():
    print(f"{name:<9} {len(table):>6,} rows, {table.shape[1]} columns: {', '.join(table.columns)}")

# %% [markdown]
# Here are the first rows of `sessions`. `head()` shows the first five rows of a table:

# %%
sessions = clinic.sessions
clients = clinic.clients
sessions.head()

# %% [markdown]
# Client C0001 appears on several rows: one per session they attended. That matters when
# you count things, as the first exercise shows. (`<NA>` means *missing*: the `repaired`
# column only has a value in a session with a rupture, which lesson 05 is about.)
#
# ## The codebook
#
# A **codebook** says, for every column, its type, its unit, the values it may take and
# what it means. Always read it before analysing data: a number means nothing without its
# unit and direction. Here is the part for the `clients` table:

# %%
book = aw.codebook("clinic")
book.loc[book["table"] == "clients", ["column", "unit", "constraints", "description"]]

# %% [markdown]
# Two rows of it deserve a closer look: the distress score and the alliance.

# %%
for column in ("outcome", "alliance"):
    row = book[(book["table"] == "sessions") & (book["column"] == column)].iloc[0]
    print(f"{column}: {row['description']} Unit: {row['unit']}; allowed: {row['constraints']}.")
print()
print(lit.OQ45_RANGE.describe())

# %% [markdown]
# ## Asking questions with pandas
#
# A column is picked with square brackets: `sessions["alliance"]`. Comparing a column with
# a value gives `True` or `False` for each row, and putting that inside square brackets
# **filters** the table to the rows that are `True`. For example, the sessions rated
# below the middle of the answer scale:

# %%
low, high = lit.WAI_SR_SCALE.value
middle = (low + high) / 2
weak = sessions[sessions["alliance"] < middle]
print(f"{len(weak)} of {len(sessions):,} sessions have an alliance below {middle:g}.")
weak.head(3)

# %% [markdown]
# The `rupture` column needs care. It is the **generator's own record**: `True` where the
# model that made the data planted a rupture (a strain or breakdown in the working
# relationship; lesson 05 is about them) by lowering that client's alliance. It is not
# something a researcher could see in the ratings. Many planted ruptures are small next
# to the ordinary ups and downs from session to session, so most of them leave no clear
# dip. Lesson 05's rule for spotting a dip, applied to this clinic:

# %%
flagged = detect_ruptures_by_client(sessions)
planted = sessions.sort_values(["client_id", "session"])["rupture"].to_numpy()
seen = int((planted & flagged["rupture"].to_numpy()).sum())
print(
    f"{int(planted.sum())} sessions are marked as ruptures; the rule sees a clear dip at "
    f"{seen} of them."
)

# %% [markdown]
# Real data have no such column: a study knows a rupture only through what clients
# report or observers code. Here it lets you practise filtering. `.nunique()` counts the
# **different** values in a column, where `len()` counts rows.
#
# ### Exercise 3.1
#
# How many **different clients** had at least one session marked as a rupture? Filter the sessions
# to the rupture sessions first (`sessions[sessions["rupture"]]`), then count.

# %%
rupture_sessions = sessions[sessions["rupture"]]

# %% tags=["exercise"]
answer_3_1 = None  # your answer here: a number, or Python that counts it

# %% tags=["solution"]
answer_3_1 = rupture_sessions["client_id"].nunique()

# %%
check_count(answer_3_1, rupture_sessions, "client_id", name="Exercise 3.1", what="clients")

# %% [markdown]
# ## From sessions to clients: grouping
#
# Many questions are about clients, not sessions: *what was this client's alliance on
# average?* **Grouping** gathers the rows of each client and summarises them into one
# number: `table.groupby("client_id")["column"].mean()` gives one mean per client.
#
# ### Exercise 3.2
#
# Make a table of each client's **mean alliance over all their sessions**: one value per
# client.

# %% tags=["exercise"]
answer_3_2 = None  # your answer here: sessions.groupby(...)...

# %% tags=["solution"]
answer_3_2 = sessions.groupby("client_id")["alliance"].mean()

# %%
check_client_means(answer_3_2, sessions)

# %% [markdown]
# ## Which way is better?
#
# The outcome is a score like that of the **OQ-45**, a questionnaire about how a client
# has been doing (symptoms, relationships, work or study). Clients fill it in at each
# session, so a therapist can see progress. The `intake_outcome` in `clients` is a
# separate, earlier assessment (at intake, before therapy starts), so it need not equal
# the score at session 1.
#
# ### Exercise 3.3
#
# Here are one client's scores at their first and last sessions. By how many points did
# this client **improve** from the first to the last session? Write a number (negative
# if they got worse). The codebook says which way is better.

# %%
client = sessions[sessions["client_id"] == "C0002"].sort_values("session")
first_score, last_score = client["outcome"].iloc[0], client["outcome"].iloc[-1]
print(
    f"C0002: outcome {first_score} at session {client['session'].iloc[0]}, "
    f"{last_score} at session {client['session'].iloc[-1]}."
)

# %% tags=["exercise"]
answer_3_3 = None  # your answer here: a number of points

# %% tags=["solution"]
answer_3_3 = first_score - last_score  # higher means more distress: a fall is improvement

# %%
check_improvement_points(answer_3_3, first_score, last_score)

# %% [markdown]
# ## First chart: where clients start
#
# A **histogram** shows how a score is spread: each bar counts the clients whose score
# falls in a range. The dashed line is the OQ-45's **clinical cutoff**: scores above it
# are typical of people who seek treatment, scores below it of people who do not.

# %%
cutoff = lit.OQ45_CLINICAL_CUTOFF.value
print(lit.OQ45_CLINICAL_CUTOFF.describe())

intake = clients["intake_outcome"]
intake_summary = (
    f"Histogram of the intake scores of {len(clients)} clients: from {intake.min()} to "
    f"{intake.max()} points, mean {intake.mean():.0f}, "
    f"{'most' if (intake > cutoff).mean() > 0.5 else 'fewer than half'} of them above the "
    f"clinical cutoff of {cutoff:g}."
)
bars = (
    alt.Chart(clients)
    .mark_bar(color=PALETTE["muted"])
    .encode(
        x=alt.X("intake_outcome:Q", bin=alt.Bin(step=5), title="Intake score (OQ-45 points)"),
        y=alt.Y("count():Q", title="Clients"),
        tooltip=[alt.Tooltip("count():Q", title="clients")],
    )
)
marker = alt.Chart(pd.DataFrame({"cutoff": [cutoff], "label": ["clinical cutoff"]}))
line = marker.mark_rule(color=PALETTE["highlight"], strokeDash=[6, 4], size=2).encode(x="cutoff:Q")
label = marker.mark_text(align="right", dx=-6, dy=-100, color=PALETTE["highlight"]).encode(
    x="cutoff:Q", text="label:N"
)
print(intake_summary)
(bars + line + label).properties(
    title="Where clients start", description=intake_summary, width=420, height=220
)

# %% [markdown]
# ### Exercise 3.4
#
# How many clients started therapy **above** the clinical cutoff? Use `clients`, the
# column `intake_outcome` and `cutoff`. (Hint: summing `True`/`False` values counts the
# `True`s.)

# %% tags=["exercise"]
answer_3_4 = None  # your answer here

# %% tags=["solution"]
answer_3_4 = (clients["intake_outcome"] > cutoff).sum()

# %%
check_above_cutoff(answer_3_4, clients)

# %% [markdown]
# ## Second chart: the alliance over sessions
#
# Grouping by session number instead of by client gives one mean per session. The line
# shows the clinic's mean alliance at each session; hover over a point to see how many
# clients it averages. Not every client stays for all sessions.

# %%
by_session = (
    sessions.groupby("session")
    .agg(alliance=("alliance", "mean"), clients=("client_id", "nunique"))
    .reset_index()
)
first, last = by_session.iloc[0], by_session.iloc[-1]
trend_summary = (
    f"Line chart of the mean alliance at each session: {first['alliance']:.2f} at session "
    f"{first['session']:.0f} and {last['alliance']:.2f} at session {last['session']:.0f}, "
    f"while the clients attending fall from {first['clients']:.0f} to {last['clients']:.0f}."
)
print(trend_summary)
(
    alt.Chart(by_session)
    .mark_line(point=alt.OverlayMarkDef(color=PALETTE["alliance"]), color=PALETTE["alliance"])
    .encode(
        x=alt.X("session:O", title="Session", axis=alt.Axis(labelAngle=0)),
        # The whole answer scale, so that a small change looks as small as it is.
        y=alt.Y(
            "alliance:Q", title=f"Mean alliance ({low}–{high})", scale=alt.Scale(domain=[low, high])
        ),
        tooltip=["session", alt.Tooltip("alliance:Q", format=".2f"), "clients"],
    )
    .properties(
        title="The alliance over sessions", description=trend_summary, width=420, height=220
    )
)

# %% [markdown]
# The mean changes only a little (compare its first and last values in the sentence
# printed above the chart), starting from a high level. The vertical axis covers the whole answer
# scale on purpose: cut to the range of the data, the same line would look like a steep
# climb.
#
# Be careful with what this line can say: the clients at the later sessions are only
# those who stayed. If clients with weaker alliances tended to leave earlier, the mean
# would rise even if no one's alliance changed. One check is to follow only the clients
# who came to every session:

# %%
last_session = sessions["session"].max()
stayed = clients.loc[clients["n_sessions"] == last_session, "client_id"]
stayers = sessions[sessions["client_id"].isin(stayed)].groupby("session")["alliance"].mean()
print(
    f"The {len(stayed)} clients who came to all {last_session} sessions: mean alliance "
    f"{stayers.iloc[0]:.2f} at session 1 and {stayers.iloc[-1]:.2f} at session {last_session}."
)

# %% [markdown]
# If these clients show much the same change as the line above, clients leaving is not
# what moves the line. Here that is so by design: the kit's generator makes clients leave
# at random, whatever their alliance (its design is in the references below). Real
# clinics differ: research on dropout links weaker alliances with leaving early, so in
# real data this check matters (lesson 09 shows that research, and what an analysis of
# only the clients who stayed can then get wrong). Behind the smooth line, single
# clients go up and down, and some dip sharply and recover (lesson 05).
#
# ## Third chart: alliance and improvement
#
# Does a stronger early alliance go with more improvement? A **scatter plot** shows one
# dot per client: across, their early alliance (the codebook: the mean alliance of
# sessions 1–3); up, how many points their distress score fell from intake to the end.
#
# The colours are the **change categories** of the codebook, which sort each client by
# how much their score changed from intake to the end, using the questionnaire's
# *reliable change* (the smallest change unlikely to be measurement noise; lesson 07):
#
# - **recovered**: a reliable improvement that also took the client from above the
#   clinical cutoff to below it;
# - **improved**: a reliable improvement without crossing the cutoff;
# - **deteriorated**: a reliable change for the worse;
# - **unchanged**: any change smaller than that, either way.
#
# Click a category in the legend to pick out those clients; hover over a dot for the
# client.

# %%
print(lit.OQ45_RELIABLE_CHANGE.describe())
print("Clients in each change category:")
print(clients["change_category"].value_counts(sort=False).rename_axis(None).to_string())

# %%
r = clients["early_alliance"].corr(clients["improvement"])
scatter_summary = (
    f"Scatter plot of early alliance against improvement for {len(clients)} clients, "
    f"coloured by change category: the dots drift {'upward' if r > 0 else 'downward'} to "
    f"the right, r = {r:.2f}, "
    f"with a wide spread at every level of alliance."
)
# The categories in their own order (best to worst), each in a colour-blind-safe hue;
# grey for "unchanged" keeps it readable on white, where yellow would not be.
categories = list(clients["change_category"].cat.categories)
hues = {"recovered": "tasks", "improved": "bond", "unchanged": "muted", "deteriorated": "highlight"}
category_colours = [PALETTE[hues[c]] for c in categories]
pick = alt.selection_point(fields=["change_category"], bind="legend")
print(scatter_summary)
(
    alt.Chart(clients)
    .mark_circle(size=45)
    .encode(
        x=alt.X("early_alliance:Q", title="Early alliance (1–5)", scale=alt.Scale(zero=False)),
        y=alt.Y("improvement:Q", title="Improvement (OQ-45 points)"),
        color=alt.Color(
            "change_category:N",
            title="Change",
            scale=alt.Scale(domain=categories, range=category_colours),
        ),
        opacity=alt.condition(pick, alt.value(0.8), alt.value(0.1)),
        tooltip=["client_id", "therapist_id", "early_alliance", "improvement"],
    )
    .add_params(pick)
    .properties(
        title="Alliance and improvement", description=scatter_summary, width=420, height=260
    )
)

# %% [markdown]
# The correlation `r` (lesson 04 explains it) is positive but far from 1: clients with a
# stronger early alliance improve more *on average*, with many exceptions either way.
#
# ### Exercise 3.5
#
# Now without a template. `median` below is the clinic's median early alliance: half of
# the clients lie below it. How many clients had an early alliance **below** `median`
# **and** still *recovered*? You need two conditions at once: put each in brackets and
# join them with `&`.

# %%
median = clients["early_alliance"].median()
print(f"Median early alliance: {median:.2f}.")

# %% tags=["exercise"]
answer_3_5 = None  # your answer here: a number, or Python that counts it

# %% tags=["solution"]
answer_3_5 = len(
    clients[(clients["early_alliance"] < median) & (clients["change_category"] == "recovered")]
)

# %%
check_weak_alliance_recovered(answer_3_5, clients, median)

# %% [markdown]
# ## What this lesson corrects
#
# - **"Synthetic data are real clients."** They are made by a model; they teach how data
#   look and how to analyse them, not facts about any person.
# - **"Higher is better."** Not on the OQ-45: higher means more distress, so improvement
#   is the intake score *minus* the final score. Always check the direction in the codebook.
# - **"Rows are people."** In the sessions table a client has one row per session; count
#   clients with `.nunique()`, or group first.
# - **"A positive correlation means everyone follows the trend."** The scatter shows wide
#   spread: the alliance is one influence among many.
#
# ## Reflect
#
# - Clinics collect numbers like these with short questionnaires each session. How might
#   a client feel about filling one in? How would you explain why you ask?
#   (*"This helps me check that we are working on what matters to you, and to notice
#   early if something isn't helping."*)
# - Real clinical data are private. What would you need to think about before analysing
#   your own clients' scores?
# - **Practice:** look at the scatter plot and pick a client far below the trend (a good
#   alliance, little improvement). What questions would you ask in the next session?
#   For example: *"Would you feel able to tell me if therapy wasn't helping? What might
#   make that hard?"*
#
# ## References

# %%
for ref in lit.references(
    lit.OQ45_RANGE,
    lit.OQ45_CLINICAL_CUTOFF,
    lit.OQ45_RELIABLE_CHANGE,
    lit.JACOBSON_TRUAX_CRITERION,
    lit.WAI_SR_SCALE,
    lit.GEN_DESIGN,
):
    print(ref)

# %% [markdown]
# **Next:** lesson 04, *How big is the alliance effect?*
