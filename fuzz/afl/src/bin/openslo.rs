//! `cargo afl fuzz … target/release/openslo`: see docs/testing.md ("Fuzzing").

fn main() {
    afl::fuzz!(|data: &[u8]| {
        firebreak_fuzz::openslo(data);
    });
}
