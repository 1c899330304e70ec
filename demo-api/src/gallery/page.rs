//! The gallery page (`GET /gallery`): plain HTML, no script and no inline style (its stylesheet
//! is the report's house style plus a few rules, at `/gallery/gallery.css`), a heading per area,
//! and for each state a link saying what it opens and what a tester should hear or see there.

use super::list::{offered, List, State};
use crate::outbox::escape;
use crate::report;
use crate::version::ApiVersion;

/// What the page may load: its own stylesheet, nothing else.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
    base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/// The report's stylesheet and the gallery's own rules.
pub fn stylesheet() -> String {
    format!(
        "{}{}",
        report::STYLESHEET,
        "body{overflow-wrap:anywhere}\n\
         nav ul{margin:0 0 24px;padding:0 0 0 20px}\n\
         nav li{margin:0 0 8px}\n\
         .states{list-style:none;margin:0;padding:0}\n\
         .states>li{border-left:4px solid #005eb8;padding:0 0 0 12px;margin:0 0 24px}\n\
         .states>li:last-child{margin-bottom:0}\n\
         .states .open{font-size:1.1875rem;font-weight:700;margin:0 0 8px}\n\
         .states p{margin:0 0 8px}\n\
         .states .heading{color:#4c6272}\n",
    )
}

fn state_item(s: &State, version: ApiVersion) -> String {
    let mut out = format!("<li id=\"state-{}\">\n", escape(&s.id));
    if offered(s, version) {
        out.push_str(&format!(
            "<p class=\"open\"><a href=\"/gallery/open/{}\">{}</a></p>\n",
            escape(&s.id),
            escape(&s.name)
        ));
    } else {
        out.push_str(&format!(
            "<p class=\"open\">{}</p>\n<p><strong>Not available here:</strong> it needs an API \
             that offers {} (contract 1.1), and this demo API speaks {version}.</p>\n",
            escape(&s.name),
            escape(&s.features.join(", ")),
        ));
    }
    out.push_str(&format!(
        "<p class=\"heading\">Its heading: “{}”</p>\n<p>What you should hear or see: {}</p>\n",
        escape(&s.h1),
        escape(&s.hear)
    ));
    if let Some(note) = &s.viewport_note {
        out.push_str(&format!("<p>Screen size: {}</p>\n", escape(note)));
    }
    out.push_str("</li>\n");
    out
}

pub fn render(list: &List, version: ApiVersion) -> String {
    let mut nav = String::from("<nav aria-label=\"Areas of the app\">\n<ul>\n");
    let mut body = String::new();
    for area in &list.areas {
        let states: Vec<&State> = list.states.iter().filter(|s| s.area == area.name).collect();
        let slug = area.slug();
        let count = match states.len() {
            1 => "1 state".to_string(),
            n => format!("{n} states"),
        };
        nav.push_str(&format!(
            "<li><a href=\"#{slug}\">{}</a> ({count})</li>\n",
            escape(&area.name)
        ));
        body.push_str(&format!(
            "<section aria-labelledby=\"{slug}\">\n<h2 id=\"{slug}\">{}</h2>\n<p>{}</p>\n<ul class=\"states\">\n",
            escape(&area.name),
            escape(&area.about)
        ));
        for s in states {
            body.push_str(&state_item(s, version));
        }
        body.push_str("</ul>\n</section>\n");
    }
    nav.push_str("</ul>\n</nav>\n");
    let total = list.states.len();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>State gallery: every page and state - Book a physiotherapy appointment (demo)</title>\n\
         <link rel=\"stylesheet\" href=\"/gallery/gallery.css\">\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">Skip to main content</a>\n\
         <header class=\"header\">\n<div class=\"width\"><p>NHS appointment booking: demo</p></div>\n</header>\n\
         <main id=\"main\">\n<div class=\"width\">\n\
         <h1>State gallery: every page and state of the booking app</h1>\n\
         <p class=\"lede\">For accessibility testers and trust reviewers: all {total} pages and \
         states of the booking app, each one link away, with no data to set up and no fault \
         flags to set.</p>\n\
         <p>Each link opens a fresh copy of the demo with its own made-up data. The demo takes \
         the app to the state by itself, the way a patient would get there, so it can take a \
         few seconds and you may see the pages on the way. When the pages stop changing, the \
         state is ready for your screen reader or other tools. Nothing you do in one copy \
         changes another: open a link as often as you like. Opening links in a new tab keeps \
         this list at hand (in the app, Back goes back through the pages the demo passed).</p>\n\
         <p>Under each link is the page's heading and what you should hear or see. Focus is \
         where the app puts it for a patient; a page opened from its address (a link in a text \
         message, a bookmark) starts at the top of the page, as any page load does.</p>\n\
         <p>The people are made up. The patient is Siân O'Neill (date of birth 28 2 1958); Amir \
         Khan (15 6 1990) asks to be texted about earlier times. This gallery is part of the \
         demo only: a trust's build of the app has no trace of it.</p>\n\
         {nav}{body}</div>\n</main>\n</body>\n</html>\n"
    )
}
