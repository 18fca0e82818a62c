//! The byte-level encoding of the index files: LEB128 varints (most numbers in an index are
//! small gaps and counts) and length-prefixed strings, read with bounds checks so a damaged
//! file is an error naming the file, never a panic.

pub fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub fn put_str(out: &mut Vec<u8>, text: &str) {
    put_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// Reads one index file; errors say which file and where.
pub struct Reader<'a> {
    file: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Checks the file's magic and format version.
    pub fn open(file: &'a str, bytes: &'a [u8], magic: &[u8; 4], version: u64) -> Result<Reader<'a>, String> {
        if !bytes.starts_with(magic) {
            return Err(format!("{file} is not a firebreak search file"));
        }
        let mut reader = Reader { file, bytes, at: magic.len() };
        let found = reader.varint()?;
        if found != version {
            return Err(format!(
                "{file} is search format {found}, but this app reads format {version}; rebuild the site"
            ));
        }
        Ok(reader)
    }

    fn truncated(&self) -> String {
        format!("{} is truncated at byte {}", self.file, self.at)
    }

    pub fn error(&self, what: &str) -> String {
        format!("{}: {what} (at byte {})", self.file, self.at)
    }

    pub fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or_else(|| self.truncated())?;
            self.at += 1;
            value |= u64::from(byte & 0x7F) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(self.error("a number is too long"))
    }

    /// A varint that must fit in a `usize` no larger than `limit`: counts and indexes.
    pub fn count(&mut self, limit: usize) -> Result<usize, String> {
        let value = self.varint()?;
        usize::try_from(value).ok().filter(|v| *v <= limit).ok_or_else(|| self.error("a count is out of range"))
    }

    pub fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|end| *end <= self.bytes.len()).ok_or_else(|| self.truncated())?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    pub fn str(&mut self) -> Result<&'a str, String> {
        let len = self.count(self.bytes.len())?;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes).map_err(|_| self.error("text is not UTF-8"))
    }

    pub fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    pub fn end(&self) -> Result<(), String> {
        if self.at == self.bytes.len() { Ok(()) } else { Err(self.error("unexpected bytes after the end")) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_strings_round_trip() {
        let mut out = b"TEST".to_vec();
        put_varint(&mut out, 3);
        for v in [0, 127, 128, 300, u64::MAX] {
            put_varint(&mut out, v);
        }
        put_str(&mut out, "ошибка");
        let mut r = Reader::open("t.bin", &out, b"TEST", 3).unwrap();
        for v in [0, 127, 128, 300, u64::MAX] {
            assert_eq!(r.varint().unwrap(), v);
        }
        assert_eq!(r.str().unwrap(), "ошибка");
        r.end().unwrap();
    }

    #[test]
    fn damage_is_an_error_naming_the_file() {
        assert!(Reader::open("a.bin", b"NOPE", b"TEST", 1).err().unwrap().contains("a.bin"));
        let wrong_version = [b"TEST".as_slice(), &[2]].concat();
        assert!(Reader::open("a.bin", &wrong_version, b"TEST", 1).err().unwrap().contains("format 2"));
        let mut r = Reader::open("a.bin", b"TEST\x01\xFF", b"TEST", 1).unwrap();
        assert!(r.varint().unwrap_err().contains("truncated"));
        let mut r = Reader::open("a.bin", b"TEST\x01\x05ab", b"TEST", 1).unwrap();
        assert!(r.str().unwrap_err().contains("truncated"));
    }
}
