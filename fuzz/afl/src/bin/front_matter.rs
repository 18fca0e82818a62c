//! `cargo afl fuzz … target/release/front_matter`: see docs/testing.md ("Fuzzing").

fn main() {
    afl::fuzz!(|data: &[u8]| {
        firebreak_fuzz::front_matter(data);
    });
}
