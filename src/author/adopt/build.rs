//! Timeline entries from the pieces of the timeline sections, as a reader
//! takes them: a list item, table row, heading or paragraph line that starts
//! with a stamp starts an entry, and its whole text follows (wrapped lines,
//! continuation paragraphs, untimed sub-items, up to the next entry). A
//! heading that is a date alone dates what follows, or is a date-only entry
//! when nothing timed follows it; a timed heading with timed entries under
//! it is a phase that gives them its AM or PM. "All events happened on
//! ..." dates what follows too.

use super::contexts::{Left, date_line, paragraph, sticky_day, why};
use super::dates::Day;
use super::lead::{Lead, lead};
use super::pieces::{Kind, Piece};
use super::resolve::Raw;
use super::rows::{self, Columns};
use super::sections::{Sections, names_timeline};

/// The entries, what was left, and the lines of phase headings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Built {
    /// The entries, in the body's order.
    pub(super) entries: Vec<Raw>,
    /// Lines that look like entries and were not read.
    pub(super) left: Vec<Left>,
    /// Headings read as the AM/PM and date of the entries under them.
    pub(super) phases: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Item { column: usize },
    Heading { level: u8 },
    Paragraph,
    Row,
    DateHeading,
}

#[derive(Default)]
struct Builder {
    out: Built,
    current: Option<(Raw, Mode)>,
    open_heading: Option<u8>,
    /// The open heading entry has text of its own below it.
    heading_text: bool,
    phase: Option<(u8, Option<bool>)>,
    context: Option<Day>,
    sticky: bool,
    blank: bool,
    columns: Option<Columns>,
}

/// The entries of the timeline sections of `pieces`.
pub(super) fn build(pieces: &[Piece], sections: &Sections) -> Built {
    let mut builder = Builder::default();
    for range in &sections.ranges {
        for index in range.clone() {
            builder.piece(pieces, index);
        }
        builder.finish();
        builder.open_heading = None;
        builder.phase = None;
        builder.columns = None;
    }
    builder.out
}

impl Builder {
    fn piece(&mut self, pieces: &[Piece], index: usize) {
        let piece = &pieces[index];
        match piece.kind {
            Kind::Heading(level) => self.heading(piece, level),
            Kind::Item => self.item(piece),
            Kind::Text { start, broken } => self.text(pieces, index, start || broken),
            Kind::Header => {
                self.finish();
                self.columns = Some(rows::columns(piece.text));
            }
            Kind::Row => self.row(piece),
            Kind::Blank => self.blank = true,
            Kind::Other => {}
        }
    }

    fn heading(&mut self, piece: &Piece, level: u8) {
        self.finish();
        self.columns = None;
        if self.phase.is_some_and(|(open, _)| level <= open) {
            self.phase = None;
        }
        if self.open_heading.is_some_and(|open| level <= open) {
            self.open_heading = None;
        }
        if names_timeline(piece.text) {
            return;
        }
        let read = lead(piece.text);
        if let Some((day, lead)) = date_line(piece.text, read.as_ref()) {
            self.set_context(day, false);
            self.current = Some((self.raw(piece.line, lead, String::new()), Mode::DateHeading));
            return;
        }
        match read {
            Some(lead) => {
                let event = piece.text[lead.event..].trim().to_string();
                self.start(piece.line, lead, event, Mode::Heading { level });
                self.open_heading = Some(level);
            }
            None => self.unread(piece.line, piece.text),
        }
    }

    fn item(&mut self, piece: &Piece) {
        let mode = Mode::Item {
            column: piece.indent,
        };
        if self.date_or_entry(piece, mode) {
            return;
        }
        match self.current.as_ref().map(|(_, mode)| *mode) {
            Some(Mode::Item { column }) if piece.indent > column => self.append(piece.text, "; "),
            Some(Mode::Heading { .. } | Mode::Paragraph | Mode::DateHeading) => {
                self.append(piece.text, "; ")
            }
            _ => {
                self.finish();
                self.unread(piece.line, piece.text);
            }
        }
    }

    /// A date line sets the day of the entries after it; a line led by a
    /// time starts an entry read in `mode`. Whether `piece` was either.
    fn date_or_entry(&mut self, piece: &Piece, mode: Mode) -> bool {
        let read = lead(piece.text);
        if let Some((day, _)) = date_line(piece.text, read.as_ref()) {
            self.finish();
            self.set_context(day, false);
            return true;
        }
        let Some(lead) = read else {
            return false;
        };
        let event = piece.text[lead.event..].trim().to_string();
        self.start(piece.line, lead, event, mode);
        true
    }

    fn text(&mut self, pieces: &[Piece], index: usize, begins: bool) {
        let piece = &pieces[index];
        let mode = self.current.as_ref().map(|(_, mode)| *mode);
        let may_start = begins || !matches!(mode, Some(Mode::Item { .. }));
        if may_start && self.date_or_entry(piece, Mode::Paragraph) {
            return;
        }
        let continues = match mode {
            Some(Mode::Item { column }) => !self.blank || piece.indent >= column,
            Some(Mode::Heading { .. } | Mode::Paragraph | Mode::DateHeading) => true,
            Some(Mode::Row) | None => false,
        };
        if continues {
            self.append(piece.text, " ");
            return;
        }
        self.finish();
        // A statement dates what follows only between entries, never
        // inside one's text.
        if matches!(piece.kind, Kind::Text { start: true, .. })
            && let Some(day) = sticky_day(&paragraph(pieces, index))
        {
            self.set_context(day, true);
        } else if begins {
            self.unread(piece.line, piece.text);
        }
    }

    fn row(&mut self, piece: &Piece) {
        self.finish();
        match rows::row(piece.text, self.columns.as_ref()) {
            Ok(entry) => {
                self.start(piece.line, entry.lead, entry.event, Mode::Row);
                if let Some((raw, _)) = self.current.as_mut() {
                    raw.who = entry.who;
                }
            }
            Err(cell) => self.unread_as(piece.line, &cell, piece.text),
        }
    }

    fn start(&mut self, line: usize, lead: Lead, event: String, mode: Mode) {
        if matches!(self.current, Some((_, Mode::DateHeading))) {
            // A date heading with timed entries under it dates them.
            self.current = None;
        }
        self.finish();
        if let Some(open) = self.open_heading.take()
            && !self.heading_text
            && !matches!(mode, Mode::Heading { level } if level <= open)
        {
            self.phase_from_last(open);
        }
        self.heading_text = false;
        let raw = self.raw(line, lead, event);
        self.current = Some((raw, mode));
        self.blank = false;
    }

    /// The heading entry just read has timed entries under it: it is a
    /// phase, giving them its AM or PM and its date.
    fn phase_from_last(&mut self, level: u8) {
        self.open_heading = None;
        let Some(last) = self.out.entries.pop() else {
            return;
        };
        let meridiem = last.lead.time.and_then(|t| match t.start {
            super::clock::Time::Clock(c) => c.meridiem,
            super::clock::Time::Placeholder { .. } => None,
        });
        if let Some(day) = last.lead.day {
            self.context = Some(day);
        }
        self.phase = Some((level, meridiem));
        self.out.phases.push(last.line);
    }

    fn raw(&self, line: usize, lead: Lead, event: String) -> Raw {
        Raw {
            line,
            lead,
            event,
            who: None,
            context: self.context,
            sticky: self.sticky,
            phase: self.phase.and_then(|(_, pm)| pm),
        }
    }

    fn set_context(&mut self, day: Day, sticky: bool) {
        self.context = Some(day);
        self.sticky = sticky;
    }

    fn append(&mut self, text: &str, separator: &str) {
        self.blank = false;
        let Some((raw, mode)) = self.current.as_mut() else {
            return;
        };
        self.heading_text |= matches!(mode, Mode::Heading { .. });
        let text = text.trim();
        if text.is_empty() || text.chars().all(|c| c == '\\') {
            return;
        }
        if !raw.event.is_empty() {
            raw.event.push_str(separator);
        }
        raw.event.push_str(text);
    }

    fn finish(&mut self) {
        let Some((mut raw, mode)) = self.current.take() else {
            return;
        };
        if mode == Mode::DateHeading && raw.event.is_empty() {
            return;
        }
        let closer = &raw.lead.unclosed;
        if !closer.is_empty()
            && let Some(event) = raw.event.strip_suffix(closer.as_str())
        {
            raw.event = event.trim_end().to_string();
        }
        self.out.entries.push(raw);
    }

    fn unread(&mut self, line: usize, text: &str) {
        self.unread_as(line, text, text);
    }

    /// `shown` left unread when `probe` looks like an entry.
    fn unread_as(&mut self, line: usize, probe: &str, shown: &str) {
        let text = shown;
        if let Some(why) = why(probe) {
            self.out.left.push(Left {
                line,
                text: text.to_string(),
                why,
            });
        }
    }
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;
