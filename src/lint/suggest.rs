//! "Did you mean …?" for mistyped names (rule codes, severities, config keys).
//!
//! The same measure as the package's `did-you-mean.mjs`: the candidate closest to
//! the name, case-insensitive, within max(1, ⌊length/3⌋) edits of the candidate.

/// The candidate closest to `name`, if any is close enough.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name: Vec<char> = name.to_lowercase().chars().collect();
    // A name longer than any candidate by more than a few edits cannot match;
    // bounding it keeps a 10 KB key from costing a 10 KB × n table.
    if name.len() > 200 {
        return None;
    }
    let mut best = None;
    let mut best_distance = usize::MAX;
    for candidate in candidates {
        let lower: Vec<char> = candidate.to_lowercase().chars().collect();
        let distance = edit_distance(&name, &lower);
        if distance <= (lower.len() / 3).max(1) && distance < best_distance {
            best = Some(candidate);
            best_distance = distance;
        }
    }
    best
}

/// Levenshtein distance.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_candidate_within_a_third_of_its_length() {
        let codes = ["wxnet/domain-path", "wxnet/domain-ip", "wxnet/domain-scheme"];
        assert_eq!(closest("wxnet/domain-pth", codes), Some("wxnet/domain-path"));
        assert_eq!(closest("WXNET/DOMAIN-SCHEMA", codes), Some("wxnet/domain-scheme"));
        assert_eq!(closest("wxnet/other", codes), None);
        assert_eq!(closest("eror", ["off", "warn", "error"]), Some("error"));
        assert_eq!(closest("x", ["off", "warn", "error"]), None);
        assert_eq!(closest(&"a".repeat(10_000), codes), None);
    }
}
