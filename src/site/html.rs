//! The HTML of the dossier: escaping, the Markdown documents the other
//! commands make (register, breach report, logs) turned into semantic HTML
//! (tables with a caption and `<th scope>`), and the frame every page shares
//! (skip link, navigation, `<main>`, the footer naming what it was built from).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The characters a path segment of a link may not hold as they are: all
/// but the ASCII letters, digits and `-._~` (RFC 3986 unreserved).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The site path `path` (segments joined by `/`) as a link: each segment
/// percent-encoded, so a file named `rapport #1?%20é.txt` is the file
/// the browser opens; HTML-escaped for a quoted `href`/`src`.
pub(crate) fn href(path: &str) -> String {
    let encoded: Vec<String> = path
        .split('/')
        .map(|seg| utf8_percent_encode(seg, SEGMENT).to_string())
        .collect();
    esc(&encoded.join("/"))
}

/// `text` safe inside an element or a quoted attribute (`&`, `<`, `>`,
/// `'`, `"` escaped, as XML escapes them); carriage returns dropped (a
/// kept e-mail's CRLF line ends), which HTML may not hold as `&#13;`.
pub(crate) fn esc(text: &str) -> String {
    quick_xml::escape::escape(text.replace('\r', "")).into_owned()
}

/// A message as the content of an element: escaped as [`esc`], its
/// Markdown code spans (`` `dpo check` ``, as the catalogs write commands
/// and names) shown as `<code>`; a backtick left without its pair is
/// dropped, so that no page shows one.
pub(crate) fn msg_html(t: &str) -> String {
    let parts: Vec<&str> = t.split('`').collect();
    // An odd number of backticks: the last one has no pair.
    let paired = parts.len() - (parts.len() + 1) % 2;
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 && i < paired {
            out.push_str(&format!("<code>{}</code>", esc(part)));
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

fn level(l: HeadingLevel, shift: u8) -> u8 {
    let n = match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    };
    (n + shift).min(6)
}

/// The Markdown `md` as HTML, its headings `shift` levels lower (a document
/// inside a page that has its own `<h1>`). Each table is captioned with the
/// heading before it (`title` before the first heading); raw HTML is shown as text; a link that leaves the
/// folder is kept as its text only (the dossier loads and links to nothing
/// outside).
pub(crate) fn markdown(md: &str, shift: u8, title: &str) -> String {
    let mut out = String::new();
    let mut heading = title.to_string();
    let mut in_heading = false;
    let mut in_head = false;
    // What closes each element open, innermost last.
    let mut closes: Vec<String> = Vec::new();
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match ev {
            Event::Start(tag) => {
                let (open, close) = match tag {
                    Tag::Paragraph => ("<p>".into(), "</p>\n".into()),
                    Tag::Heading { level: l, .. } => {
                        in_heading = true;
                        heading.clear();
                        let n = level(l, shift);
                        (format!("<h{n}>"), format!("</h{n}>\n"))
                    }
                    Tag::BlockQuote(_) => ("<blockquote>".into(), "</blockquote>\n".into()),
                    Tag::CodeBlock(_) => ("<pre><code>".into(), "</code></pre>\n".into()),
                    Tag::List(Some(n)) if n != 1 => {
                        (format!("<ol start=\"{n}\">"), "</ol>\n".into())
                    }
                    Tag::List(Some(_)) => ("<ol>".into(), "</ol>\n".into()),
                    Tag::List(None) => ("<ul>".into(), "</ul>\n".into()),
                    Tag::Item => ("<li>".into(), "</li>\n".into()),
                    Tag::Table(_) => {
                        let caption = if heading.trim().is_empty() {
                            String::new()
                        } else {
                            format!("<caption>{}</caption>", esc(heading.trim()))
                        };
                        (
                            format!("<div class=\"table\"><table>{caption}"),
                            "</tbody></table></div>\n".into(),
                        )
                    }
                    Tag::TableHead => {
                        in_head = true;
                        ("<thead><tr>".into(), "</tr></thead><tbody>\n".into())
                    }
                    Tag::TableRow => ("<tr>".into(), "</tr>\n".into()),
                    Tag::TableCell if in_head => ("<th scope=\"col\">".into(), "</th>".into()),
                    Tag::TableCell => ("<td>".into(), "</td>".into()),
                    Tag::Emphasis => ("<em>".into(), "</em>".into()),
                    Tag::Strong => ("<strong>".into(), "</strong>".into()),
                    Tag::Strikethrough => ("<del>".into(), "</del>".into()),
                    Tag::Link { dest_url, .. }
                        if !dest_url.contains(':') && !dest_url.starts_with("//") =>
                    {
                        (format!("<a href=\"{}\">", esc(&dest_url)), "</a>".into())
                    }
                    _ => (String::new(), String::new()),
                };
                out.push_str(&open);
                closes.push(close);
            }
            Event::End(tag) => {
                match tag {
                    TagEnd::Heading(_) => in_heading = false,
                    TagEnd::TableHead => in_head = false,
                    _ => {}
                }
                out.push_str(&closes.pop().unwrap_or_default());
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if in_heading {
                    heading.push_str(&t);
                }
                out.push_str(&esc(&t));
            }
            Event::Code(t) => {
                if in_heading {
                    heading.push_str(&t);
                }
                out.push_str(&format!("<code>{}</code>", esc(&t)));
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push_str("<hr>\n"),
            _ => {}
        }
    }
    out
}

/// A table: its caption, its column headers and its rows, each cell text.
pub(crate) fn table(caption: &str, headers: &[String], rows: &[Vec<String>]) -> String {
    let mut out = format!(
        "<div class=\"table\"><table><caption>{}</caption><thead><tr>",
        msg_html(caption)
    );
    for h in headers {
        out.push_str(&format!("<th scope=\"col\">{}</th>", msg_html(h)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for c in r {
            out.push_str(&format!("<td>{}</td>", msg_html(c)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    out
}

/// What every page of one site shares.
pub(crate) struct Frame<'a> {
    /// `fr` or `en`.
    pub(crate) lang: &'a str,
    /// The name of the site (the processor's), in each `<title>`.
    pub(crate) site_name: String,
    /// The navigation: file and label of each page.
    pub(crate) nav: Vec<(String, String)>,
    /// The label of the navigation landmark.
    pub(crate) nav_label: String,
    /// The words of the skip link.
    pub(crate) skip: String,
    /// The footer, HTML.
    pub(crate) footer: String,
}

impl Frame<'_> {
    /// The page `file` titled `title` (its one `<h1>`) around `body`.
    pub(crate) fn page(&self, file: &str, title: &str, body: &str) -> String {
        let mut nav = String::new();
        for (f, label) in &self.nav {
            let current = if f == file {
                " aria-current=\"page\""
            } else {
                ""
            };
            nav.push_str(&format!(
                "<li><a href=\"{}\"{current}>{}</a></li>",
                href(f),
                esc(label)
            ));
        }
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} — {site}</title>\n<link rel=\"stylesheet\" href=\"{css}\">\n</head>\n<body>\n\
<a class=\"skip\" href=\"#main\">{skip}</a>\n\
<header><p class=\"site\">{site}</p>\n<nav aria-label=\"{nav_label}\"><ul>{nav}</ul></nav></header>\n\
<main id=\"main\">\n<h1>{title}</h1>\n{body}</main>\n<footer>{footer}</footer>\n</body>\n</html>\n",
            lang = self.lang,
            title = esc(title),
            site = esc(&self.site_name),
            css = super::CSS_FILE,
            skip = esc(&self.skip),
            nav_label = esc(&self.nav_label),
            footer = self.footer,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_tables_get_a_caption_and_column_headers_and_headings_shift() {
        let h = markdown(
            "# Titre\n\n## Liste\n\n| A | B |\n|---|---|\n| <x> | y |\n",
            1,
            "T",
        );
        assert!(h.contains("<h2>Titre</h2>"), "{h}");
        assert!(h.contains("<h3>Liste</h3>"), "{h}");
        assert!(h.contains("<caption>Liste</caption>"), "{h}");
        assert!(h.contains("<th scope=\"col\">A</th>"), "{h}");
        assert!(h.contains("<td>&lt;x&gt;</td>"), "{h}");
        assert_eq!(esc("a\r\n'\"&"), "a\n&apos;&quot;&amp;");
        let h = markdown("| A |\n|---|\n| b |\n", 0, "Page");
        assert!(h.contains("<caption>Page</caption>"), "{h}");
    }

    #[test]
    fn code_spans_become_code_and_no_backtick_is_left() {
        assert_eq!(
            msg_html("run `dpo check` <now>"),
            "run <code>dpo check</code> &lt;now&gt;"
        );
        assert_eq!(msg_html("`a` and `b"), "<code>a</code> and b");
        assert_eq!(msg_html("no span"), "no span");
        assert!(!msg_html("``x` `y").contains('`'));
    }

    #[test]
    fn a_link_encodes_each_segment_of_its_path() {
        assert_eq!(
            href("files/a b/rapport #1?%20é.txt"),
            "files/a%20b/rapport%20%231%3F%2520%C3%A9.txt"
        );
        assert_eq!(href("breach-2021-001.html"), "breach-2021-001.html");
    }

    #[test]
    fn a_link_out_of_the_folder_keeps_only_its_text() {
        let h = markdown("[site](https://example.org) and [here](a.html)", 0, "T");
        assert!(!h.contains("https://"), "{h}");
        assert!(h.contains("<a href=\"a.html\">here</a>"), "{h}");
    }
}
