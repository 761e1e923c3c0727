//! English names of language codes, for messages.

pub fn language_name(code: &str) -> &str {
    match code {
        "vi" => "Vietnamese",
        "en" => "English",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "zh" => "Chinese",
        "ja" => "Japanese",
        "ko" => "Korean",
        "ru" => "Russian",
        other => other,
    }
}
