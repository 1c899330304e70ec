//! Interpreter languages' names, as the needs page suggests them while the patient types (the
//! `languages` module searches them).

use crate::lang::S;

crate::words! {
    /// The languages an interpreter is most often booked for, and other names patients use.
    pub struct Words {
        /// In the order of the English names (alphabetical), one for one.
        names: [S; 63],
        /// Other names patients type, lower case, without accents: for British Sign Language,
        /// for Chinese (Cantonese and Mandarin), for Filipino (Tagalog), for Punjabi.
        aliases: [S; 4],
    }
}

pub fn en() -> Words {
    Words {
        names: [
            "Albanian",
            "Amharic",
            "Arabic",
            "Bengali",
            "British Sign Language",
            "Bulgarian",
            "Cantonese",
            "Croatian",
            "Czech",
            "Dari",
            "Estonian",
            "Farsi (Persian)",
            "French",
            "German",
            "Greek",
            "Gujarati",
            "Hausa",
            "Hebrew",
            "Hindi",
            "Hungarian",
            "Igbo",
            "Italian",
            "Japanese",
            "Kinyarwanda",
            "Korean",
            "Kurdish",
            "Kurdish Sorani",
            "Kurmanji",
            "Latvian",
            "Lingala",
            "Lithuanian",
            "Makaton",
            "Malay",
            "Malayalam",
            "Mandarin",
            "Mirpuri",
            "Nepali",
            "Oromo",
            "Pashto",
            "Polish",
            "Portuguese",
            "Punjabi",
            "Romanian",
            "Russian",
            "Serbian",
            "Sinhala",
            "Slovak",
            "Somali",
            "Spanish",
            "Swahili",
            "Sylheti",
            "Tagalog",
            "Tamil",
            "Tetum",
            "Thai",
            "Tigrinya",
            "Turkish",
            "Twi",
            "Ukrainian",
            "Urdu",
            "Vietnamese",
            "Welsh",
            "Yoruba",
        ],
        aliases: ["bsl", "chinese", "filipino", "panjabi"],
    }
}

/// Welsh names (a few are spelled alike in both languages). Needs a translator's review before
/// going live.
pub fn cy() -> Words {
    Words {
        names: [
            "Albaneg",
            // review
            "Amhareg",
            "Arabeg",
            // review
            "Bengaleg",
            "Iaith Arwyddion Prydain",
            "Bwlgareg",
            "Cantoneg",
            "Croateg",
            "Tsieceg",
            // review
            "Dari",
            "Estoneg",
            "Ffarsi (Perseg)",
            "Ffrangeg",
            "Almaeneg",
            "Groeg",
            // review
            "Gwjarati",
            // review
            "Hawsa",
            "Hebraeg",
            "Hindi",
            "Hwngareg",
            "Igbo",
            "Eidaleg",
            "Japaneeg",
            // review
            "Kinyarwanda",
            "Coreeg",
            "Cwrdeg",
            "Cwrdeg Sorani",
            // review
            "Kurmanji",
            // review
            "Latfieg",
            // review
            "Lingala",
            "Lithwaneg",
            "Makaton",
            // review
            "Maleieg",
            "Malayalam",
            "Mandarin",
            // review
            "Mirpuri",
            "Nepaleg",
            // review
            "Oromo",
            // review
            "Pashto",
            "Pwyleg",
            "Portiwgaleg",
            // review
            "Pwnjabeg",
            "Rwmaneg",
            "Rwseg",
            "Serbeg",
            // review
            "Sinhaleg",
            "Slofaceg",
            // review
            "Somaleg",
            "Sbaeneg",
            "Swahili",
            // review
            "Sylheti",
            "Tagalog",
            "Tamileg",
            // review
            "Tetwm",
            "Thai",
            // review
            "Tigrinya",
            "Tyrceg",
            // review
            "Twi",
            "Wcreineg",
            "Wrdw",
            "Fietnameg",
            "Cymraeg",
            // review
            "Iorwba",
        ],
        aliases: ["iap", "tsieineeg", "ffilipineg", "pwnjabi"],
    }
}

/// This area's words in the patient's language.
pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.languages)
}
