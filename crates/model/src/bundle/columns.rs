//! The column format the bundle's binary files share (`deploys.bin`, `deploy-ids.bin`,
//! `sli.bin`): a file starts with its magic and its format version (u32); every number is
//! little-endian.
//!
//! A column is an array of integers as narrow as most of its values allow: its width in
//! bytes (u8: 1, 2 or 4), its values at that width, and then the values too wide for it —
//! their count (u32) and (position, value) pairs of u32s. Decoding is a copy that needs no
//! parsing and no branches. (Varints came out slightly smaller but decoded five times
//! slower in wasm.) Where a value may not be an integer, a file stores 8-byte words
//! (`f64` or `i64` bits) instead.

/// A column: its width, its values at that width, and the values too wide for it as
/// (position, value) pairs. The width is the one that makes the column smallest, so a few
/// outliers (a quiet night between deployments) do not widen a million values.
pub(super) fn put_column(out: &mut Vec<u8>, values: &[u32]) {
    let fits = |width: u8, v: u32| width == 4 || v >> (8 * width) == 0;
    let size = |width: u8| values.len() * usize::from(width) + 8 * values.iter().filter(|v| !fits(width, **v)).count();
    let width = [1, 2, 4].into_iter().min_by_key(|w| size(*w)).expect("three widths");
    out.push(width);
    let mut wide = Vec::new();
    for (at, v) in values.iter().enumerate() {
        let narrow = fits(width, *v);
        out.extend_from_slice(&(if narrow { *v } else { 0 }).to_le_bytes()[..usize::from(width)]);
        if !narrow {
            wide.push((at as u32, *v));
        }
    }
    out.extend_from_slice(&(wide.len() as u32).to_le_bytes());
    for (at, v) in wide {
        out.extend_from_slice(&at.to_le_bytes());
        out.extend_from_slice(&v.to_le_bytes());
    }
}

/// Appends each of `words` as 8 bytes.
pub(super) fn put_words(out: &mut Vec<u8>, words: impl IntoIterator<Item = u64>) {
    for word in words {
        out.extend_from_slice(&word.to_le_bytes());
    }
}

/// Appends `bytes` (values of `width` bytes) to `out`, or says none fits `T`. Called a chunk
/// at a time: V8 first runs wasm unoptimised and swaps in optimised code only between
/// calls, so one call over three million values would never run the fast version.
#[inline(never)]
fn widen<T: TryFrom<u32>>(bytes: &[u8], width: usize, out: &mut Vec<T>) -> Result<(), ()> {
    let start = out.len();
    match width {
        1 => out.extend(bytes.iter().filter_map(|b| T::try_from(u32::from(*b)).ok())),
        2 => out.extend(
            bytes.chunks_exact(2).filter_map(|c| T::try_from(u32::from(u16::from_le_bytes([c[0], c[1]]))).ok()),
        ),
        _ => out.extend(
            bytes.chunks_exact(4).filter_map(|c| T::try_from(u32::from_le_bytes([c[0], c[1], c[2], c[3]])).ok()),
        ),
    }
    if out.len() - start == bytes.len() / width { Ok(()) } else { Err(()) }
}

/// Reading a file of the bundle, every length checked: a damaged file is an error that
/// names the file's kind (`file`, such as "deployment log"), never a panic.
pub(super) struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
    file: &'static str,
}

impl<'a> Input<'a> {
    /// Checks the magic and the format version.
    pub(super) fn open(
        bytes: &'a [u8],
        magic: &[u8; 4],
        version: u32,
        file: &'static str,
    ) -> Result<Input<'a>, String> {
        if !bytes.starts_with(magic) {
            return Err(format!("not a firebreak {file}"));
        }
        let mut input = Input { bytes, at: magic.len(), file };
        let found = input.u32()?;
        if found != version {
            return Err(format!("{file} format {found}, but this app reads format {version}; rebuild the site"));
        }
        Ok(input)
    }

    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|end| *end <= self.bytes.len()).ok_or_else(|| {
            format!("the {} is truncated: {} bytes, more expected after byte {}", self.file, self.bytes.len(), self.at)
        })?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    pub(super) fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    pub(super) fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    pub(super) fn i64(&mut self) -> Result<i64, String> {
        Ok(i64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }

    /// `n` words of 8 bytes.
    pub(super) fn words(&mut self, n: usize) -> Result<Vec<u64>, String> {
        let bytes = self.take(n.checked_mul(8).ok_or_else(|| format!("the {}'s counts overflow", self.file))?)?;
        Ok(bytes.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect())
    }

    /// A column of `n` values, each checked to fit `T`.
    pub(super) fn column<T: TryFrom<u32>>(&mut self, n: usize) -> Result<Vec<T>, String> {
        const CHUNK: usize = 1 << 14;
        let at = self.at;
        let width = usize::from(self.u8()?);
        if ![1, 2, 4].contains(&width) {
            return Err(format!("a column of width {width} at byte {at}"));
        }
        let bytes = self.take(n.checked_mul(width).ok_or_else(|| format!("the {}'s counts overflow", self.file))?)?;
        let too_large = || format!("a value too large for its column in the column at byte {at}");
        let mut values = Vec::with_capacity(n);
        for chunk in bytes.chunks(CHUNK * width) {
            widen(chunk, width, &mut values).map_err(|()| too_large())?;
        }
        for _ in 0..self.u32()? {
            let (position, value) = (self.u32()? as usize, self.u32()?);
            let slot = values
                .get_mut(position)
                .ok_or_else(|| format!("a wide value at position {position} of a column of {n}"))?;
            *slot = T::try_from(value).map_err(|_| too_large())?;
        }
        Ok(values)
    }

    pub(super) fn rest(&mut self) -> &'a [u8] {
        let rest = &self.bytes[self.at..];
        self.at = self.bytes.len();
        rest
    }

    pub(super) fn end(&self) -> Result<(), String> {
        match self.bytes.len() - self.at {
            0 => Ok(()),
            extra => Err(format!("{extra} bytes after the end of the {}", self.file)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(bytes: &[u8]) -> Input<'_> {
        Input { bytes, at: 0, file: "test file" }
    }

    #[test]
    fn a_few_wide_values_keep_a_column_narrow() {
        let mut values = vec![7u32; 100];
        (values[3], values[99]) = (70_000, 300);
        let mut bytes = Vec::new();
        put_column(&mut bytes, &values);
        assert_eq!((bytes[0], bytes.len()), (1, 1 + 100 + 4 + 2 * 8), "a byte a value, and two wide ones");
        assert_eq!(input(&bytes).column::<u32>(100).unwrap(), values);
        bytes[105] = 100; // the first wide value's position, now past the column's end
        assert!(input(&bytes).column::<u32>(100).unwrap_err().contains("position 100 of a column of 100"));
        let mut huge = Vec::new();
        put_column(&mut huge, &[[1; 20].as_slice(), &[u32::MAX]].concat());
        assert_eq!(huge[0], 1);
        assert!(input(&huge).column::<i32>(21).unwrap_err().contains("too large"));
        let truncated = input(&huge[..huge.len() - 1]).column::<u32>(21).unwrap_err();
        assert!(truncated.contains("the test file is truncated"), "{truncated}");
    }

    #[test]
    fn words_round_trip_and_counts_cannot_overflow() {
        let mut bytes = Vec::new();
        put_words(&mut bytes, [0, u64::MAX, 0.5f64.to_bits()]);
        assert_eq!(input(&bytes).words(3).unwrap(), [0, u64::MAX, 0.5f64.to_bits()]);
        assert!(input(&bytes).words(4).unwrap_err().contains("truncated"));
        assert!(input(&bytes).words(usize::MAX).unwrap_err().contains("overflow"));
        assert!(input(&[2, 0, 0]).column::<u32>(usize::MAX).unwrap_err().contains("overflow"));
        assert!(input(&[3]).column::<u32>(1).unwrap_err().contains("width 3"));
    }
}
