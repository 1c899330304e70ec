//! Messages that count things for a patient as they type (GOV.UK character count and
//! accessible-autocomplete wording).

use crate::lang::fill;
use crate::words::outcome::words;

/// What a character count says under its box: how many characters are left, or how many too
/// many (GOV.UK: the box has no `maxlength`, so pasted text is never cut off unseen).
pub fn remaining_message(len: usize, max: usize) -> String {
    let w = words();
    let (n, message) = if len > max {
        (len - max, w.characters_too_many)
    } else {
        (max - len, w.characters_remaining)
    };
    message.of(n as u64)
}

/// The limit, said once to screen readers with the box.
pub fn limit_message(max: usize) -> String {
    fill(words().characters_limit, &[("max", &max.to_string())])
}

/// What a screen reader hears once typing pauses in a box that suggests answers.
pub fn suggestions_message(count: usize) -> String {
    let w = words();
    if count == 0 {
        w.no_suggestions.to_string()
    } else {
        w.suggestions.of(count as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_remaining_and_too_many() {
        assert_eq!(
            remaining_message(0, 500),
            "You have 500 characters remaining"
        );
        assert_eq!(
            remaining_message(499, 500),
            "You have 1 character remaining"
        );
        assert_eq!(
            remaining_message(500, 500),
            "You have 0 characters remaining"
        );
        assert_eq!(remaining_message(501, 500), "You have 1 character too many");
        assert_eq!(
            remaining_message(512, 500),
            "You have 12 characters too many"
        );
    }

    #[test]
    fn the_limit() {
        assert_eq!(limit_message(500), "You can enter up to 500 characters");
    }

    #[test]
    fn suggestions_available() {
        assert_eq!(suggestions_message(0), "No suggestions");
        assert_eq!(
            suggestions_message(1),
            "1 suggestion available. Use up and down arrows to choose."
        );
        assert_eq!(
            suggestions_message(5),
            "5 suggestions available. Use up and down arrows to choose."
        );
    }
}
