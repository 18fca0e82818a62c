//! `cargo afl fuzz … target/release/markdown`: see docs/testing.md ("Fuzzing").

fn main() {
    afl::fuzz!(|data: &[u8]| {
        firebreak_fuzz::markdown(data);
    });
}
