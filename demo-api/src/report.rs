//! The service manager's report (`GET /report`): how online booking is doing, from the 1.1
//! `events` and `feedback` kept in `measure`. [`summarise`] works the figures out (pure, no
//! clock, no HTTP) and [`render`] turns them into a plain HTML page: no script, no inline style
//! (the stylesheet is [`STYLESHEET`] at `/report.css`, so the page also works under a strict
//! Content-Security-Policy), every chart an inline SVG with a text alternative that states its
//! figures and a data table beside it, every piece of text escaped.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};

use crate::measure::{Event, Feedback, Kind, Minute, Source};
use crate::outbox::escape;

/// What rating 1 to 5 means (the app asks "How easy was it to book an appointment?", or to
/// cancel one: the GOV.UK pattern's ease wording).
pub const RATING_WORDS: [&str; 5] = [
    "Very difficult",
    "Difficult",
    "Neither easy nor difficult",
    "Easy",
    "Very easy",
];

/// The most recent days shown in "Online bookings per day".
pub const DAYS_SHOWN: usize = 31;

/// The newest comments shown.
pub const COMMENTS_SHOWN: usize = 50;

/// How long booking took, in bands: (upper bound in seconds, exclusive; words).
const DURATION_BANDS: [(u32, &str); 5] = [
    (120, "Under 2 minutes"),
    (300, "2 to 5 minutes"),
    (600, "5 to 10 minutes"),
    (1200, "10 to 20 minutes"),
    (u32::MAX, "20 minutes or more"),
];

/// The journey's pages in the order a patient meets them; a step not listed comes after those
/// whose first path segment it shares, then the rest alphabetically.
const STEP_ORDER: [&str; 25] = [
    "start",
    "service",
    "symptoms",
    "get-help-now",
    "clinician",
    "location",
    "time",
    "slot",
    "who-for",
    "about-you",
    "your-details",
    "support",
    "support-needed",
    "check-your-answers",
    "confirmation",
    "held-time",
    "earlier-time",
    "manage",
    "manage/appointment",
    "manage/cancel",
    "manage/cancelled",
    "manage/new-time",
    "manage/check-new-time",
    "manage/changed",
    "offer",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    /// `booked` events that arrived that day.
    pub booked: usize,
    /// Bookings the API took that day with `"channel": "online"`.
    pub online: usize,
}

/// A count and what it counts (a share of a total).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub label: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepCount {
    /// The page's slug, with `/` trimmed off its ends; the start page (`""`) is `start`.
    pub step: String,
    /// `step` events on it.
    pub reached: usize,
    /// `left` events on it.
    pub left: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub date: NaiveDate,
    pub rating: u8,
    pub step: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Every day from the first with a booking to the last (oldest first), the latest
    /// [`DAYS_SHOWN`] of them.
    pub days: Vec<Day>,
    /// Days with figures before those in `days` (not shown).
    pub days_hidden: usize,
    /// Whether the API's own count of online bookings is in `days` (see [`Report::add_online`]).
    pub online_counted: bool,
    /// `booked` events in all.
    pub booked: usize,
    /// Bookings by source: sms-invite, website, direct, then "not given" when there are any.
    pub sources: Vec<Share>,
    /// Pages in journey order.
    pub steps: Vec<StepCount>,
    /// Median `elapsed_s` of `booked` events that give it, to the second (half up).
    pub median_s: Option<u32>,
    /// `booked` events that give `elapsed_s`.
    pub timed: usize,
    /// Timed bookings by how long they took ([`DURATION_BANDS`]).
    pub durations: Vec<Share>,
    /// `problem` events by `kind`, most first ("not given" for none).
    pub problems: Vec<Share>,
    /// Feedback entries for ratings 1 to 5.
    pub ratings: [usize; 5],
    /// Comments, newest first.
    pub comments: Vec<Comment>,
    /// Some of the figures were made up by `--sample-events`.
    pub sample: bool,
    /// When the figures were taken (clinic time), for the page to say.
    pub as_of: Option<Minute>,
}

/// `count` as a whole percentage of `total`, rounded half up; None when `total` is 0.
pub fn percent(count: usize, total: usize) -> Option<usize> {
    (total > 0).then(|| (count * 200 + total) / (2 * total))
}

/// The median of `values`, half up to a whole number; None when there are none.
pub fn median(values: &mut [u32]) -> Option<u32> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((u64::from(values[n / 2 - 1]) + u64::from(values[n / 2])).div_ceil(2) as u32),
    }
}

/// "4 minutes 5 seconds", "1 minute", "45 seconds", "1 hour 2 minutes".
pub fn duration_words(seconds: u32) -> String {
    let unit = |n: u32, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(unit(h, "hour"));
    }
    if m > 0 {
        parts.push(unit(m, "minute"));
    }
    if s > 0 || parts.is_empty() {
        parts.push(unit(s, "second"));
    }
    parts.join(" ")
}

/// The slug a step is counted under: `/` trimmed off both ends, `""` is `start`.
pub fn step_key(step: &str) -> String {
    match step.trim_matches('/') {
        "" => "start".to_string(),
        s => s.to_string(),
    }
}

/// "Who for", "Check your answers", "Manage › new time"; the start page is "Start page".
pub fn step_label(step: &str) -> String {
    if step == "start" {
        return "Start page".into();
    }
    let words = step.replace('-', " ").replace('/', " › ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

fn step_rank(step: &str) -> usize {
    let first = step.split('/').next().unwrap_or(step);
    (STEP_ORDER.iter().position(|s| *s == step))
        .or_else(|| STEP_ORDER.iter().position(|s| *s == first))
        .unwrap_or(STEP_ORDER.len())
}

pub fn source_label(source: Option<Source>) -> &'static str {
    match source {
        Some(Source::SmsInvite) => "Text message invitation",
        Some(Source::Website) => "Trust website",
        Some(Source::Direct) => "Direct",
        None => "Not given",
    }
}

/// The figures. `events` and `feedback` oldest first, as kept.
pub fn summarise(events: &[Event], feedback: &[Feedback]) -> Report {
    let booked: Vec<&Event> = events.iter().filter(|e| e.kind == Kind::Booked).collect();

    let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for e in &booked {
        *per_day.entry(e.at.date).or_default() += 1;
    }

    let mut sources: Vec<Share> = (Source::ALL.iter())
        .map(|s| Share {
            label: source_label(Some(*s)).into(),
            count: booked.iter().filter(|e| e.source == Some(*s)).count(),
        })
        .collect();
    let unsourced = booked.iter().filter(|e| e.source.is_none()).count();
    if unsourced > 0 {
        sources.push(Share {
            label: source_label(None).into(),
            count: unsourced,
        });
    }

    let mut steps: HashMap<String, StepCount> = HashMap::new();
    for e in events {
        let (Some(step), true) = (&e.step, matches!(e.kind, Kind::Step | Kind::Left)) else {
            continue;
        };
        let key = step_key(step);
        let count = steps.entry(key.clone()).or_insert(StepCount {
            step: key,
            reached: 0,
            left: 0,
        });
        if e.kind == Kind::Step {
            count.reached += 1;
        } else {
            count.left += 1;
        }
    }
    let mut steps: Vec<StepCount> = steps.into_values().collect();
    steps.sort_by(|a, b| (step_rank(&a.step), &a.step).cmp(&(step_rank(&b.step), &b.step)));

    let mut elapsed: Vec<u32> = booked.iter().filter_map(|e| e.elapsed_s).collect();
    let durations = (DURATION_BANDS.iter().enumerate())
        .map(|(i, (until, words))| {
            let from = if i == 0 { 0 } else { DURATION_BANDS[i - 1].0 };
            Share {
                label: (*words).into(),
                count: elapsed
                    .iter()
                    .filter(|s| (from..*until).contains(*s))
                    .count(),
            }
        })
        .collect();

    let mut problems: BTreeMap<String, usize> = BTreeMap::new();
    for e in events.iter().filter(|e| e.kind == Kind::Problem) {
        let kind = e.problem.clone().unwrap_or_else(|| "not given".into());
        *problems.entry(kind).or_default() += 1;
    }
    let mut problems: Vec<Share> = (problems.into_iter())
        .map(|(label, count)| Share { label, count })
        .collect();
    problems.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));

    let mut ratings = [0; 5];
    for f in feedback {
        if (1..=5).contains(&f.rating) {
            ratings[usize::from(f.rating) - 1] += 1;
        }
    }
    let comments = (feedback.iter().rev())
        .filter_map(|f| {
            f.comment.as_ref().map(|text| Comment {
                date: f.date,
                rating: f.rating,
                step: f.step.clone(),
                text: text.clone(),
            })
        })
        .collect();

    let mut report = Report {
        booked: booked.len(),
        sources,
        steps,
        timed: elapsed.len(),
        median_s: median(&mut elapsed),
        durations,
        problems,
        ratings,
        comments,
        sample: events.iter().any(|e| e.sample) || feedback.iter().any(|f| f.sample),
        ..Report::default()
    };
    report.set_days(&per_day, &BTreeMap::new());
    report
}

impl Report {
    /// Adds the API's own count of bookings made with `"channel": "online"`, per day, beside
    /// the `booked` events.
    pub fn add_online(&mut self, online: &BTreeMap<NaiveDate, usize>) {
        let booked: BTreeMap<NaiveDate, usize> =
            (self.days.iter()).map(|d| (d.date, d.booked)).collect();
        self.online_counted = true;
        self.set_days(&booked, online);
    }

    fn set_days(
        &mut self,
        booked: &BTreeMap<NaiveDate, usize>,
        online: &BTreeMap<NaiveDate, usize>,
    ) {
        let first = booked.keys().chain(online.keys()).min().copied();
        let last = booked.keys().chain(online.keys()).max().copied();
        let (Some(first), Some(last)) = (first, last) else {
            self.days.clear();
            return;
        };
        let mut days = Vec::new();
        let mut date = first;
        while date <= last {
            days.push(Day {
                date,
                booked: booked.get(&date).copied().unwrap_or(0),
                online: online.get(&date).copied().unwrap_or(0),
            });
            date += Duration::days(1);
        }
        let hidden = days.len().saturating_sub(DAYS_SHOWN);
        self.days_hidden += hidden;
        self.days = days.split_off(hidden);
    }

    pub fn feedback_count(&self) -> usize {
        self.ratings.iter().sum()
    }
}

// ---- the page ----

/// `/report.css`: NHS-like plain styling, readable at 320 px, AA contrast throughout.
pub const STYLESHEET: &str = r#"*,*::before,*::after{box-sizing:border-box}
html{background:#f0f4f5;color:#212b32;font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;font-size:100%;line-height:1.5}
body{margin:0}
a{color:#005eb8}
a:visited{color:#330072}
a:hover{color:#7c2855}
a:focus{outline:4px solid transparent;background:#ffeb3b;color:#212b32;box-shadow:0 -2px #ffeb3b,0 4px #212b32;text-decoration:none}
.skip{position:absolute;left:-9999px;top:0;padding:8px 16px}
.skip:focus{left:16px}
.header{background:#005eb8;color:#fff;padding:16px 0}
.header p{margin:0;font-weight:700;font-size:1.25rem}
.width{max-width:960px;margin:0 auto;padding:0 16px}
main{padding:24px 0 48px}
h1{font-size:2rem;line-height:1.25;margin:0 0 16px}
h2{font-size:1.5rem;line-height:1.3;margin:0 0 16px}
h3{font-size:1.25rem;margin:24px 0 8px}
p{margin:0 0 16px}
.lede{font-size:1.125rem}
.tag{display:inline-block;background:#ffeb3b;color:#212b32;border:2px solid #212b32;padding:2px 8px;font-weight:700;margin:0 0 8px}
section{background:#fff;border:1px solid #d8dde0;padding:16px;margin:0 0 24px}
.summary{font-size:1.125rem;font-weight:700}
.figure{display:grid;grid-template-columns:minmax(0,1fr);gap:24px;align-items:start}
@media (min-width:48em){.figure{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}section{padding:32px}}
.chart{display:block;width:100%;overflow:visible}
.chart .bar{fill:#005eb8}
.chart text{fill:#212b32}
@media (forced-colors:active){.chart .bar{fill:CanvasText}.chart text{fill:CanvasText}}
.table-wrap{overflow-x:auto;max-width:100%}
.table-wrap:focus{outline:4px solid #ffeb3b;box-shadow:0 0 0 8px #212b32}
table{border-collapse:collapse;width:100%;min-width:16rem}
caption{text-align:left;font-weight:700;padding:0 0 8px}
th,td{text-align:left;padding:8px 8px 8px 0;border-bottom:1px solid #d8dde0;vertical-align:top}
thead th{border-bottom:2px solid #212b32}
.num{text-align:right;font-variant-numeric:tabular-nums}
code{font-family:Consolas,Menlo,monospace;font-size:.875em;color:#212b32;background:#f0f4f5;padding:0 2px}
.slug{display:block;font-weight:400;background:none;padding:0;color:#4c6272}
.comments{list-style:none;margin:0;padding:0}
.comments li{border-left:4px solid #005eb8;padding:0 0 0 12px;margin:0 0 16px}
.comments .meta{color:#4c6272;margin:0 0 4px;font-size:1rem}
.comments blockquote{margin:0}
.comments blockquote p{white-space:pre-line;overflow-wrap:anywhere;margin:0}
.hint{color:#4c6272}
"#;

/// One bar of a chart: what it is, the figure written beside it, and its length (0 to 1).
struct Bar {
    label: String,
    value: String,
    length: f64,
}

/// "Mon 15 Mar".
fn short_day(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// "Monday 15 March 2027".
fn long_day(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// At most `max` characters, with "…" when cut (chart labels; the tables have the whole).
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

fn pct_text(count: usize, total: usize) -> String {
    percent(count, total).map_or_else(|| "–".to_string(), |p| format!("{p}%"))
}

/// A horizontal bar chart, one row per bar: the label on a line, the bar beneath it with its
/// figure just after its end. Bars are at most 70% of the width (so the figure always fits
/// beside them) and lengths are percentages, while the text is not scaled: it reads the same
/// at 320 px as on a wide screen. `role="img"`, named by its `<title>` and described by a
/// `<desc>` that states every figure.
fn bar_chart(id: &str, title: &str, bars: &[Bar]) -> String {
    const ROW: usize = 48;
    const LONGEST: f64 = 70.0;
    let desc: Vec<String> = (bars.iter())
        .map(|b| format!("{}: {}.", b.label, b.value))
        .collect();
    let mut out = format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         width=\"100%\" height=\"{h}\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
        h = bars.len() * ROW,
        title = escape(title),
        desc = escape(&desc.join(" ")),
    );
    for (i, b) in bars.iter().enumerate() {
        let y = i * ROW;
        let width = (b.length.clamp(0.0, 1.0) * LONGEST * 10.0).round() / 10.0;
        out.push_str(&format!(
            "<text x=\"0\" y=\"{ly}\" font-family=\"Arial, sans-serif\" font-size=\"15\" fill=\"#212b32\">{label}</text>\n\
             <rect class=\"bar\" x=\"0\" y=\"{by}\" width=\"{width}%\" height=\"16\" fill=\"#005eb8\"/>\n\
             <text x=\"{width}%\" dx=\"6\" y=\"{vy}\" font-family=\"Arial, sans-serif\" font-size=\"15\" font-weight=\"bold\" fill=\"#212b32\">{value}</text>\n",
            ly = y + 16,
            by = y + 23,
            vy = y + 37,
            label = escape(&shorten(&b.label, 32)),
            value = escape(&b.value),
        ));
    }
    out.push_str("</svg>");
    out
}

/// A data table in a wrapper that scrolls sideways on a narrow screen (focusable, so it can be
/// scrolled from the keyboard, and named by the caption). `head` cells become
/// `<th scope="col">`; each row's first cell is its `<th scope="row">`, cells after it are
/// numbers unless the row says otherwise.
fn table(id: &str, caption: &str, head: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!(
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{id}-caption\" tabindex=\"0\">\n\
         <table>\n<caption id=\"{id}-caption\">{}</caption>\n<thead>\n<tr>",
        escape(caption)
    );
    for (i, h) in head.iter().enumerate() {
        let class = if i == 0 { "" } else { " class=\"num\"" };
        out.push_str(&format!("<th scope=\"col\"{class}>{}</th>", escape(h)));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            // Cells are HTML already (the caller escapes).
            if i == 0 {
                out.push_str(&format!("<th scope=\"row\">{cell}</th>"));
            } else {
                out.push_str(&format!("<td class=\"num\">{cell}</td>"));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>");
    out
}

fn figure(chart: String, table: String) -> String {
    format!("<div class=\"figure\">\n{chart}\n{table}\n</div>\n")
}

fn section(id: &str, heading: &str, body: &str) -> String {
    format!(
        "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n{body}</section>\n",
        escape(heading)
    )
}

fn p(class: &str, text: &str) -> String {
    if class.is_empty() {
        format!("<p>{}</p>\n", escape(text))
    } else {
        format!("<p class=\"{class}\">{}</p>\n", escape(text))
    }
}

fn bookings_word(n: usize) -> &'static str {
    if n == 1 {
        "booking"
    } else {
        "bookings"
    }
}

fn per_day(r: &Report) -> String {
    if r.days.is_empty() {
        return p("summary", "No bookings yet.");
    }
    let shown: usize = r.days.iter().map(|d| d.booked).sum();
    let mut body = p(
        "summary",
        &format!(
            "{shown} {} made online over {} {}, from {} to {}.",
            bookings_word(shown),
            r.days.len(),
            if r.days.len() == 1 { "day" } else { "days" },
            long_day(r.days[0].date),
            long_day(r.days[r.days.len() - 1].date),
        ),
    );
    if r.days_hidden > 0 {
        body.push_str(&p(
            "hint",
            &format!(
                "Showing the last {} days; {} earlier days are not shown.",
                r.days.len(),
                r.days_hidden
            ),
        ));
    }
    if r.online_counted {
        body.push_str(&p(
            "hint",
            "Booked online counts the bookings the booking pages reported. Taken by the \
             booking system counts the bookings the booking system took with the channel \
             online on that day; the two differ when a page could not report (for example \
             the patient closed it at once) or when some figures are sample data.",
        ));
    }
    let max = r.days.iter().map(|d| d.booked).max().unwrap_or(0).max(1);
    let bars: Vec<Bar> = (r.days.iter())
        .map(|d| Bar {
            label: short_day(d.date),
            value: d.booked.to_string(),
            length: d.booked as f64 / max as f64,
        })
        .collect();
    let mut head = vec!["Day", "Booked online"];
    if r.online_counted {
        head.push("Taken by the booking system");
    }
    let rows: Vec<Vec<String>> = (r.days.iter())
        .map(|d| {
            let mut row = vec![escape(&long_day(d.date)), d.booked.to_string()];
            if r.online_counted {
                row.push(d.online.to_string());
            }
            row
        })
        .collect();
    body.push_str(&figure(
        bar_chart(
            "per-day-chart",
            "Online bookings per day (bar chart)",
            &bars,
        ),
        table(
            "per-day-table",
            "Bookings made online each day",
            &head,
            &rows,
        ),
    ));
    body
}

fn by_source(r: &Report) -> String {
    if r.booked == 0 {
        return p("summary", "No bookings yet.");
    }
    let top = r.sources.iter().max_by_key(|s| s.count).expect("sources");
    let mut body = p(
        "summary",
        &format!(
            "{} of {} {} ({}) came from: {}.",
            top.count,
            r.booked,
            bookings_word(r.booked),
            pct_text(top.count, r.booked),
            top.label.to_lowercase()
        ),
    );
    body.push_str(&p(
        "hint",
        "Text message invitation: the patient followed the link in a text from the service. \
         Trust website: they followed a link on the trust's website. Direct: they came \
         straight to the booking pages.",
    ));
    let bars: Vec<Bar> = (r.sources.iter())
        .map(|s| Bar {
            label: s.label.clone(),
            value: format!("{} ({})", s.count, pct_text(s.count, r.booked)),
            length: s.count as f64 / r.booked as f64,
        })
        .collect();
    let rows: Vec<Vec<String>> = (r.sources.iter())
        .map(|s| {
            vec![
                escape(&s.label),
                s.count.to_string(),
                pct_text(s.count, r.booked),
            ]
        })
        .collect();
    body.push_str(&figure(
        bar_chart(
            "source-chart",
            "Share of online bookings by where patients came from (bar chart)",
            &bars,
        ),
        table(
            "source-table",
            "Online bookings by where patients came from",
            &["Came from", "Bookings", "Share"],
            &rows,
        ),
    ));
    body
}

fn drop_off(r: &Report) -> String {
    if r.steps.is_empty() {
        return p("summary", "No pages counted yet.");
    }
    let worst = (r.steps.iter())
        .filter(|s| s.left > 0)
        .max_by(|a, b| a.left.cmp(&b.left).then(b.step.cmp(&a.step)));
    let mut body = match worst {
        Some(s) => p(
            "summary",
            &format!(
                "Patients left most often on {}: {} left there, of {} who reached it ({}).",
                step_label(&s.step),
                s.left,
                s.reached,
                pct_text(s.left, s.reached),
            ),
        ),
        None => p("summary", "No one has left part-way yet."),
    };
    body.push_str(&p(
        "hint",
        "Reached counts the times a page was shown; left counts the times a patient left the \
         booking pages while on it. Nothing links one event to another, so these count visits \
         to pages, not people.",
    ));
    let bars: Vec<Bar> = (r.steps.iter())
        .map(|s| Bar {
            label: step_label(&s.step),
            value: match percent(s.left, s.reached) {
                Some(p) => format!("{p}% left"),
                None => format!("{} left", s.left),
            },
            length: if s.reached == 0 {
                0.0
            } else {
                s.left as f64 / s.reached as f64
            },
        })
        .collect();
    let rows: Vec<Vec<String>> = (r.steps.iter())
        .map(|s| {
            vec![
                format!(
                    "{} <code class=\"slug\">{}</code>",
                    escape(&step_label(&s.step)),
                    escape(&s.step)
                ),
                s.reached.to_string(),
                s.left.to_string(),
                pct_text(s.left, s.reached),
            ]
        })
        .collect();
    body.push_str(&figure(
        bar_chart(
            "steps-chart",
            "Share of patients who left on each page (bar chart)",
            &bars,
        ),
        table(
            "steps-table",
            "Patients who reached and left each page",
            &["Page", "Reached", "Left", "Share left"],
            &rows,
        ),
    ));
    body
}

fn time_to_book(r: &Report) -> String {
    let Some(median) = r.median_s else {
        return p("summary", "No bookings yet.");
    };
    let mut body = p(
        "summary",
        &format!(
            "Median time to book: {} (half of the {} timed {} took less, half took more).",
            duration_words(median),
            r.timed,
            bookings_word(r.timed),
        ),
    );
    body.push_str(&p(
        "hint",
        "From the first booking page to the booking being made.",
    ));
    let bars: Vec<Bar> = (r.durations.iter())
        .map(|d| Bar {
            label: d.label.clone(),
            value: format!("{} ({})", d.count, pct_text(d.count, r.timed)),
            length: d.count as f64 / r.timed as f64,
        })
        .collect();
    let rows: Vec<Vec<String>> = (r.durations.iter())
        .map(|d| {
            vec![
                escape(&d.label),
                d.count.to_string(),
                pct_text(d.count, r.timed),
            ]
        })
        .collect();
    body.push_str(&figure(
        bar_chart("time-chart", "How long booking took (bar chart)", &bars),
        table(
            "time-table",
            "How long booking took",
            &["Time taken", "Bookings", "Share"],
            &rows,
        ),
    ));
    body
}

fn problems(r: &Report) -> String {
    if r.problems.is_empty() {
        return p("summary", "No problems reported.");
    }
    let total: usize = r.problems.iter().map(|s| s.count).sum();
    let mut body = p(
        "summary",
        &format!(
            "{total} {} reported.",
            if total == 1 { "problem" } else { "problems" }
        ),
    );
    body.push_str(&p(
        "hint",
        "For example taken: the time was booked by someone else first; network: the page could \
         not reach the booking system; timeout: it answered too slowly; busy: it asked the \
         patient to wait; service: it failed.",
    ));
    let rows: Vec<Vec<String>> = (r.problems.iter())
        .map(|s| {
            vec![
                format!("<code>{}</code>", escape(&s.label)),
                s.count.to_string(),
                pct_text(s.count, total),
            ]
        })
        .collect();
    body.push_str(&table(
        "problems-table",
        "Problems reported, by kind",
        &["Problem", "Times", "Share"],
        &rows,
    ));
    body.push('\n');
    body
}

fn feedback(r: &Report) -> String {
    let total = r.feedback_count();
    if total == 0 {
        return p("summary", "No feedback yet.");
    }
    let easy = r.ratings[3] + r.ratings[4];
    let mut body = p(
        "summary",
        &format!(
            "{total} {} rated how easy it was to book or cancel; {easy} ({}) found it easy or \
             very easy.",
            if total == 1 { "person" } else { "people" },
            pct_text(easy, total),
        ),
    );
    let bars: Vec<Bar> = (RATING_WORDS.iter().zip(r.ratings))
        .map(|(words, count)| Bar {
            label: (*words).to_string(),
            value: format!("{count} ({})", pct_text(count, total)),
            length: count as f64 / total as f64,
        })
        .collect();
    let rows: Vec<Vec<String>> = (RATING_WORDS.iter().zip(r.ratings))
        .enumerate()
        .map(|(i, (words, count))| {
            vec![
                format!("{} {}", i + 1, escape(words)),
                count.to_string(),
                pct_text(count, total),
            ]
        })
        .collect();
    body.push_str(&figure(
        bar_chart(
            "rating-chart",
            "How easy patients found it (bar chart)",
            &bars,
        ),
        table(
            "rating-table",
            "How easy patients found it, from 1 (very difficult) to 5 (very easy)",
            &["Rating", "Responses", "Share"],
            &rows,
        ),
    ));
    body.push_str("<h3 id=\"comments\">Comments</h3>\n");
    if r.comments.is_empty() {
        body.push_str(&p("", "No comments yet."));
        return body;
    }
    let shown = r.comments.len().min(COMMENTS_SHOWN);
    body.push_str(&p(
        "hint",
        &if shown < r.comments.len() {
            format!(
                "The newest {shown} of {} comments, newest first.",
                r.comments.len()
            )
        } else {
            format!(
                "{} {}, newest first.",
                shown,
                if shown == 1 { "comment" } else { "comments" }
            )
        },
    ));
    body.push_str("<ul class=\"comments\">\n");
    for c in &r.comments[..shown] {
        let words = RATING_WORDS
            .get(usize::from(c.rating).wrapping_sub(1))
            .copied()
            .unwrap_or("Not rated");
        let step = c
            .step
            .as_deref()
            .map(|s| format!(", on {}", step_label(&step_key(s))))
            .unwrap_or_default();
        body.push_str(&format!(
            "<li>\n<p class=\"meta\"><time datetime=\"{date}\">{day}</time>: rated {rating} {words}{step}</p>\n\
             <blockquote><p>{text}</p></blockquote>\n</li>\n",
            date = c.date,
            day = escape(&long_day(c.date)),
            rating = c.rating,
            words = escape(words),
            step = escape(&step),
            text = escape(&c.text),
        ));
    }
    body.push_str("</ul>\n");
    body
}

/// The whole page. Links to `report.css` (relative, so it works wherever the page is).
pub fn render(r: &Report) -> String {
    let mut intro = p(
        "lede",
        "How patients are getting on with booking online, counted from what the booking \
         pages report as they are used. Nothing here identifies anyone: no names, no \
         references, no addresses, and nothing links one visit to another.",
    );
    if let Some(at) = r.as_of {
        intro.push_str(&format!(
            "<p>Figures up to <time datetime=\"{date}T{clock}\">{day}, {clock}</time> (clinic time).</p>\n",
            date = at.date,
            day = escape(&long_day(at.date)),
            clock = at.clock(),
        ));
    }
    if r.sample {
        intro.push_str(
            "<p><strong class=\"tag\">Includes sample data</strong></p>\n\
             <p>Some of these figures were made up for the demonstration (the demo API was \
             started with <code>--sample-events</code>). They are not real patients.</p>\n",
        );
    }
    let sections = [
        ("bookings", "Online bookings per day", per_day(r)),
        ("sources", "Where patients came from", by_source(r)),
        ("leaving", "Where patients leave", drop_off(r)),
        ("time", "Time to book", time_to_book(r)),
        ("problems", "Problems patients met", problems(r)),
        ("feedback", "What patients told us", feedback(r)),
    ];
    let mut nav = String::from("<nav aria-label=\"On this page\">\n<ul>\n");
    let mut body = String::new();
    for (id, heading, content) in &sections {
        nav.push_str(&format!(
            "<li><a href=\"#{id}\">{}</a></li>\n",
            escape(heading)
        ));
        body.push_str(&section(id, heading, content));
    }
    nav.push_str("</ul>\n</nav>\n");
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>How online booking is doing - service report</title>\n\
         <link rel=\"stylesheet\" href=\"report.css\">\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">Skip to main content</a>\n\
         <header class=\"header\">\n<div class=\"width\"><p>NHS appointment booking: service report</p></div>\n</header>\n\
         <main id=\"main\">\n<div class=\"width\">\n<h1>How online booking is doing</h1>\n\
         {intro}{nav}{body}</div>\n</main>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::Device;
    use chrono::Datelike;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    fn ev(kind: Kind, step: Option<&str>, date: NaiveDate) -> Event {
        Event {
            kind,
            step: step.map(str::to_string),
            source: None,
            elapsed_s: None,
            device: Some(Device::Mobile),
            mode: None,
            problem: None,
            at: Minute { date, minute: 600 },
            sample: false,
        }
    }

    fn booked(date: NaiveDate, source: Option<Source>, elapsed: Option<u32>) -> Event {
        Event {
            source,
            elapsed_s: elapsed,
            mode: Some("in_person".into()),
            ..ev(Kind::Booked, Some("confirmation"), date)
        }
    }

    fn problem(kind: Option<&str>) -> Event {
        Event {
            problem: kind.map(str::to_string),
            ..ev(Kind::Problem, Some("time"), day(16))
        }
    }

    fn fb(rating: u8, comment: Option<&str>, date: NaiveDate) -> Feedback {
        Feedback {
            rating,
            comment: comment.map(str::to_string),
            step: Some("confirmation".into()),
            source: Some(Source::Website),
            date,
            sample: false,
        }
    }

    /// Six bookings over four days (none on the 17th), pages reached and left, problems and
    /// five ratings; the figures in the test below are worked out by hand.
    fn seeded() -> (Vec<Event>, Vec<Feedback>) {
        use Source::*;
        let mut events = vec![
            booked(day(15), Some(SmsInvite), Some(100)),
            booked(day(15), Some(Website), Some(300)),
            booked(day(16), Some(SmsInvite), Some(200)),
            booked(day(18), Some(Direct), Some(50)),
            booked(day(18), Some(SmsInvite), None),
            booked(day(18), None, Some(700)),
        ];
        for step in ["", "", "", "", "start", "time", "time", "time", "time"] {
            events.push(ev(Kind::Step, Some(step), day(15)));
        }
        for step in [
            "your-details",
            "/your-details",
            "manage/new-time",
            "earlier-time/where",
        ] {
            events.push(ev(Kind::Step, Some(step), day(16)));
        }
        for step in ["time", "your-details", "zzz-unknown"] {
            events.push(ev(Kind::Left, Some(step), day(16)));
        }
        events.push(problem(Some("taken")));
        events.push(problem(None));
        events.push(problem(Some("network")));
        events.push(problem(Some("taken")));
        let feedback = vec![
            fb(5, Some("Quick and easy."), day(15)),
            fb(5, None, day(15)),
            fb(4, None, day(16)),
            fb(1, Some("Could not find a time that suits me."), day(16)),
            fb(3, Some("<script>alert(1)</script> & more"), day(18)),
        ];
        (events, feedback)
    }

    fn share(label: &str, count: usize) -> Share {
        Share {
            label: label.into(),
            count,
        }
    }

    fn step(step: &str, reached: usize, left: usize) -> StepCount {
        StepCount {
            step: step.into(),
            reached,
            left,
        }
    }

    #[test]
    fn the_figures_are_as_worked_out_by_hand() {
        let (events, feedback) = seeded();
        let r = summarise(&events, &feedback);
        // Bookings per day, the day without any filled in.
        let per_day: Vec<(NaiveDate, usize)> = r.days.iter().map(|d| (d.date, d.booked)).collect();
        assert_eq!(
            per_day,
            [(day(15), 2), (day(16), 1), (day(17), 0), (day(18), 3)]
        );
        assert_eq!((r.booked, r.days_hidden, r.online_counted), (6, 0, false));
        // Share by source: 3 of 6 by text message (50%), one each otherwise (17%).
        assert_eq!(
            r.sources,
            [
                share("Text message invitation", 3),
                share("Trust website", 1),
                share("Direct", 1),
                share("Not given", 1),
            ]
        );
        assert_eq!(percent(3, 6), Some(50));
        assert_eq!(percent(1, 6), Some(17));
        // Drop-off: "" and "start" are the start page, "/your-details" is "your-details";
        // journey order, then by first segment, then the unknown.
        assert_eq!(
            r.steps,
            [
                step("start", 5, 0),
                step("time", 4, 1),
                step("your-details", 2, 1),
                step("earlier-time/where", 1, 0),
                step("manage/new-time", 1, 0),
                step("zzz-unknown", 0, 1),
            ]
        );
        assert_eq!(percent(1, 4), Some(25));
        assert_eq!(percent(1, 0), None);
        // Time to book: 50, 100, 200, 300, 700 (one booking gave no time) → 200.
        assert_eq!((r.median_s, r.timed), (Some(200), 5));
        assert_eq!(
            r.durations.iter().map(|d| d.count).collect::<Vec<_>>(),
            [2, 1, 1, 1, 0]
        );
        assert_eq!(
            r.problems,
            [
                share("taken", 2),
                share("network", 1),
                share("not given", 1)
            ]
        );
        // Ratings 1..5, and the comments newest first.
        assert_eq!(r.ratings, [1, 0, 1, 1, 2]);
        assert_eq!(r.feedback_count(), 5);
        let comments: Vec<(&str, u8)> = (r.comments.iter())
            .map(|c| (c.text.as_str(), c.rating))
            .collect();
        assert_eq!(
            comments,
            [
                ("<script>alert(1)</script> & more", 3),
                ("Could not find a time that suits me.", 1),
                ("Quick and easy.", 5),
            ]
        );
        assert!(!r.sample);
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [42]), Some(42));
        assert_eq!(median(&mut [5, 1, 3]), Some(3));
        assert_eq!(median(&mut [45, 40]), Some(43), "42.5 rounds half up");
        assert_eq!(median(&mut [4, 1, 3, 2]), Some(3), "2.5 rounds half up");
        assert_eq!(median(&mut [10, 20, 30, 40]), Some(25));
        assert_eq!(median(&mut [u32::MAX, u32::MAX]), Some(u32::MAX));
        // An even number of timed bookings in a report: 60, 120, 180, 3600 → 150.
        let events: Vec<Event> = [60, 3600, 120, 180]
            .into_iter()
            .map(|s| booked(day(15), None, Some(s)))
            .collect();
        let r = summarise(&events, &[]);
        assert_eq!((r.median_s, r.timed), (Some(150), 4));
        assert_eq!(duration_words(150), "2 minutes 30 seconds");
    }

    #[test]
    fn durations_and_steps_in_words() {
        assert_eq!(duration_words(0), "0 seconds");
        assert_eq!(duration_words(1), "1 second");
        assert_eq!(duration_words(60), "1 minute");
        assert_eq!(duration_words(245), "4 minutes 5 seconds");
        assert_eq!(duration_words(3725), "1 hour 2 minutes 5 seconds");
        assert_eq!(step_label("start"), "Start page");
        assert_eq!(step_label("who-for"), "Who for");
        assert_eq!(step_label("manage/new-time"), "Manage › new time");
        assert_eq!(step_key("/"), "start");
        assert_eq!(step_key("manage/"), "manage");
    }

    #[test]
    fn the_online_bookings_join_the_days_and_only_the_latest_are_shown() {
        let (events, feedback) = seeded();
        let mut r = summarise(&events, &feedback);
        r.add_online(&BTreeMap::from([(day(18), 2), (day(19), 1)]));
        let days: Vec<(u32, usize, usize)> = (r.days.iter())
            .map(|d| (d.date.day0() + 1, d.booked, d.online))
            .collect();
        assert_eq!(
            days,
            [(15, 2, 0), (16, 1, 0), (17, 0, 0), (18, 3, 2), (19, 0, 1)]
        );
        // Forty days of one booking each: the last 31 are shown.
        let events: Vec<Event> = (0..40)
            .map(|i| booked(day(1) + Duration::days(i), None, None))
            .collect();
        let r = summarise(&events, &[]);
        assert_eq!((r.days.len(), r.days_hidden), (DAYS_SHOWN, 9));
        assert_eq!(r.days[0].date, day(10));
        assert!(render(&r).contains("9 earlier days are not shown"));
    }

    #[test]
    fn the_page_escapes_comments_and_has_charts_with_tables() {
        let (events, feedback) = seeded();
        let mut r = summarise(&events, &feedback);
        r.as_of = Some(Minute {
            date: day(18),
            minute: 9 * 60 + 7,
        });
        let page = render(&r);
        assert!(page.starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(page.contains("<title>How online booking is doing"));
        assert!(!page.contains("<script"), "nothing unescaped");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
        assert!(!page.contains("style="), "no inline style (strict CSP)");
        assert!(!page.contains("<style"));
        assert_eq!(page.matches("<svg").count(), 5);
        assert_eq!(page.matches("role=\"img\"").count(), 5);
        assert_eq!(page.matches("<table>").count(), 6);
        assert_eq!(page.matches("<caption").count(), 6);
        assert_eq!(page.matches("tabindex=\"0\"").count(), 6);
        assert!(page.contains("<th scope=\"col\">Day</th>"));
        assert!(
            page.contains("<th scope=\"row\">Thursday 18 March 2027</th><td class=\"num\">3</td>")
        );
        // The charts' text alternatives state the figures.
        assert!(page.contains("<desc id=\"per-day-chart-desc\">Mon 15 Mar: 2. Tue 16 Mar: 1. Wed 17 Mar: 0. Thu 18 Mar: 3.</desc>"));
        assert!(page.contains("Text message invitation: 3 (50%)."));
        assert!(page.contains("Time: 25% left."));
        assert!(page.contains("Very easy: 2 (40%)."));
        // The words.
        assert!(page.contains("Median time to book: 3 minutes 20 seconds"));
        assert!(page.contains("Patients left most often on"));
        assert!(page
            .contains("5 people rated how easy it was to book or cancel; 3 (60%) found it easy"));
        assert!(page.contains("Figures up to <time datetime=\"2027-03-18T09:07\">Thursday 18 March 2027, 09:07</time>"));
        assert!(page.contains("href=\"report.css\""));
        assert!(!page.contains("Includes sample data"));
        // Each table's region is named by its caption: no two landmarks share a name.
        let captions: Vec<&str> = (page.split("<caption").skip(1))
            .map(|c| {
                c.split_once('>')
                    .unwrap()
                    .1
                    .split_once("</caption>")
                    .unwrap()
                    .0
            })
            .collect();
        for c in &captions {
            assert!(!page.contains(&format!(">{c}</h2>")), "{c}");
            assert_eq!(captions.iter().filter(|d| *d == c).count(), 1, "{c}");
        }
        let headings = page.matches("<h2").count();
        assert_eq!(headings, 6);
        assert_eq!(page.matches("<h1").count(), 1);
    }

    #[test]
    fn an_empty_report_says_so_and_sample_data_is_marked() {
        let mut r = summarise(&[], &[]);
        let page = render(&r);
        assert!(page.contains("No bookings yet."));
        assert!(page.contains("No pages counted yet."));
        assert!(page.contains("No problems reported."));
        assert!(page.contains("No feedback yet."));
        assert!(!page.contains("<svg"));
        assert!(!page.contains("NaN") && !page.contains("inf%"));
        r.sample = true;
        assert!(render(&r).contains("Includes sample data"));
        let mut e = ev(Kind::Step, Some("time"), day(15));
        e.sample = true;
        assert!(summarise(&[e], &[]).sample);
    }
}
