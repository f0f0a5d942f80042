//! The build's check of the shell's message calls (`tools/i18n_calls.rs`, run by
//! the root `build.rs`) catches each mistake: a message no code uses, a placeholder
//! a call leaves unfilled or fills for nothing, `t` on a message with placeholders,
//! and values that are not written out; and lets the legitimate forms pass.

#[path = "../../../tools/i18n_calls.rs"]
mod i18n_calls;

use i18n_calls::{check, placeholders, Placeholders};

fn messages() -> Placeholders {
    [
        ("PLAIN", "Save"),
        ("SORT", "Sort by {column}"),
        ("COUNT", "{n} teams in {place}"),
        ("ONE_OF", "One of {total}"),
        ("HOLDS", "{file} holds {teams}"),
        ("AXIS", "Distance in {year}"),
    ]
    .into_iter()
    .map(|(name, text)| (name.to_string(), placeholders(text)))
    .collect()
}

/// Problems of one source file calling every message once more in `extra`.
fn problems(source: &str) -> Vec<String> {
    let all_used = "fn uses() { t(k::PLAIN); tf(k::SORT, &[(\"column\", c)]); tp(k::COUNT, 2, &[(\"place\", p)]); tp(k::ONE_OF, 1, &[(\"total\", t)]); around(&tf(k::HOLDS, &[(\"teams\", x)]), \"file\"); template(k::AXIS); }\n";
    check(
        &messages(),
        &[("src/a.rs".to_string(), format!("{all_used}{source}"))],
    )
}

#[test]
fn the_right_calls_pass() {
    assert_eq!(problems(""), Vec::<String>::new());
    let split = "fn f() {\n    let (a, b) = around(\n        &tf(\n            k::HOLDS,\n            &[(\"teams\", &tp(k::COUNT, 3, &[(\"place\", \"x\")]))],\n        ),\n        \"file\",\n    );\n}\n";
    assert_eq!(problems(split), Vec::<String>::new());
    let listed = "const KEYS: [Key; 2] = [k::PLAIN, k::SORT];\n";
    assert_eq!(
        problems(listed),
        Vec::<String>::new(),
        "a key kept in a list is used"
    );
}

#[test]
fn each_mistake_is_named_with_its_line() {
    let cases = [
        (
            "tf(k::SORT, &[(\"colum\", c)]);\n",
            "src/a.rs:2: tf(k::SORT, …) fills {colum} but the message has {column}",
        ),
        (
            "tf(k::SORT, &[]);\n",
            "src/a.rs:2: tf(k::SORT, …) fills none but the message has {column}",
        ),
        (
            "tf(k::PLAIN, &[(\"x\", y)]);\n",
            "src/a.rs:2: tf(k::PLAIN, …) fills {x} but the message has none",
        ),
        (
            "t(k::SORT);\n",
            "src/a.rs:2: t(k::SORT, …) fills none but the message has {column}",
        ),
        (
            "tp(k::COUNT, 2, &[]);\n",
            "src/a.rs:2: tp(k::COUNT, …) fills none but the message has {place}",
        ),
        (
            "tf(k::SORT, &args);\n",
            "src/a.rs:2: tf(k::SORT, …): write its values out",
        ),
        (
            "around(&t(k::HOLDS), \"file\");\n",
            "src/a.rs:2: t(k::HOLDS, …) fills {file} but the message has {file}, {teams}",
        ),
    ];
    for (source, said) in cases {
        let found = problems(source);
        assert_eq!(found.len(), 1, "{source}: {found:?}");
        assert!(found[0].starts_with(said), "{source}: {found:?}");
    }
}

#[test]
fn a_message_no_code_uses_is_named() {
    let only_some = "fn f() { t(k::PLAIN); // k::SORT is only in a comment\n}\n";
    let found = check(
        &messages(),
        &[("src/b.rs".to_string(), only_some.to_string())],
    );
    assert_eq!(
        found,
        ["SORT", "COUNT", "ONE_OF", "HOLDS", "AXIS"]
            .iter()
            .map(|n| format!(
                "k::{n} is in the English catalogue but no code uses it: remove it from every language"
            ))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    );
}
