//! Did-you-mean: the candidate a near miss probably meant (a key, a rule
//! id, a zone, a kind), and for short enumerated values only a case slip,
//! a near spelling of a long word or two swapped letters.

/// The closest of `candidates` to `word`, if it is close enough to be a typo.
pub fn did_you_mean<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|&c| (edit_distance(&word, &c.to_lowercase()), c))
        .filter(|&(d, c)| {
            d <= 2.max(c.len() / 4) || c.starts_with(word.as_str()) && word.len() >= 3
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// For short enumerated values a distance of one is a different value
/// (SEV5 is not SEV1): suggest only a case slip or a near spelling of a long word.
pub(crate) fn close_choice<'c>(word: &str, allowed: &[&'c str]) -> Option<&'c str> {
    let lower = word.to_lowercase();
    allowed.iter().copied().find(|c| {
        let candidate = c.to_lowercase();
        candidate == lower
            || (candidate.len() > 4 && edit_distance(&lower, &candidate) <= 1)
            || (candidate.len() > 3 && swapped(&lower, &candidate))
    })
}

/// Whether `a` is `b` with two neighbouring letters swapped (`strat`, `start`).
fn swapped(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(differ.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i])
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_choice_with_two_letters_swapped_but_not_a_near_code() {
        assert_eq!(close_choice("strat", &["start", "detected"]), Some("start"));
        assert_eq!(close_choice("SEV5", &["SEV1", "SEV2"]), None);
    }

    #[test]
    fn suggests_the_key_that_was_probably_meant() {
        assert_eq!(
            did_you_mean("timezon", &["timeline", "timezone"]),
            Some("timezone")
        );
        assert_eq!(
            did_you_mean("severty", &["severity", "summary"]),
            Some("severity")
        );
        assert_eq!(did_you_mean("colour", &["title", "status"]), None);
        assert_eq!(close_choice("sev2", &["SEV1", "SEV2"]), Some("SEV2"));
        assert_eq!(close_choice("SEV5", &["SEV1", "SEV2"]), None);
        assert_eq!(
            close_choice("publised", &["draft", "published"]),
            Some("published")
        );
    }
}
