//! Small rules of wording shared by every view: counts with the right noun, lists
//! in words. One copy each, so the app says a thing the same way everywhere.

/// "1 assessment", "3 assessments", "0 assessments".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `one` when `n` is 1, else `many`: for sentences that put the number elsewhere.
pub fn noun(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// "A", "A and B", "A, B and C"; `none` for an empty list.
pub fn in_words(items: &[String], none: &str) -> String {
    match items.split_last() {
        None => none.to_string(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_singular_only_for_one() {
        assert_eq!(count(0, "team", "teams"), "0 teams");
        assert_eq!(count(1, "team", "teams"), "1 team");
        assert_eq!(count(2, "team", "teams"), "2 teams");
        assert_eq!(noun(1, "code", "codes"), "code");
        assert_eq!(noun(7, "code", "codes"), "codes");
    }

    #[test]
    fn lists_read_as_a_sentence() {
        let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(in_words(&list(&[]), "nothing"), "nothing");
        assert_eq!(in_words(&list(&["CALMS"]), ""), "CALMS");
        assert_eq!(in_words(&list(&["CALMS", "DORA"]), ""), "CALMS and DORA");
        assert_eq!(in_words(&list(&["A", "B", "C"]), ""), "A, B and C");
    }
}
