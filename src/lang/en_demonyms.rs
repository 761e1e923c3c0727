//! English demonyms and adjectives of countries and territories ("Canada" →
//! "Canadian", "Netherlands" → "Dutch", "Philippines" → "Filipino",
//! "Philippine"), so that "người dân Canada" ⇔ "Canadians" and "quân đội
//! Hà Lan" ⇔ "Dutch troops" count as rendering the country. Public facts,
//! keyed by the English short name a glossary lists first. A place not
//! listed falls back to the regular endings of [`super::en::demonyms`].

/// (country, demonyms and adjectives). Sorted by country.
pub const DEMONYMS: &[(&str, &[&str])] = &[
    ("Afghanistan", &["Afghan"]),
    ("Albania", &["Albanian"]),
    ("Algeria", &["Algerian"]),
    ("Andorra", &["Andorran"]),
    ("Angola", &["Angolan"]),
    ("Argentina", &["Argentine", "Argentinian"]),
    ("Armenia", &["Armenian"]),
    ("Australia", &["Australian", "Aussie"]),
    ("Austria", &["Austrian"]),
    ("Azerbaijan", &["Azerbaijani", "Azeri"]),
    ("Bahrain", &["Bahraini"]),
    ("Bangladesh", &["Bangladeshi"]),
    ("Belarus", &["Belarusian"]),
    ("Belgium", &["Belgian"]),
    ("Benin", &["Beninese"]),
    ("Bhutan", &["Bhutanese"]),
    ("Bolivia", &["Bolivian"]),
    ("Bosnia and Herzegovina", &["Bosnian"]),
    ("Botswana", &["Botswanan", "Motswana", "Batswana"]),
    ("Brazil", &["Brazilian"]),
    ("Brunei", &["Bruneian"]),
    ("Bulgaria", &["Bulgarian"]),
    ("Burkina Faso", &["Burkinabe"]),
    ("Burundi", &["Burundian"]),
    ("Cambodia", &["Cambodian", "Khmer"]),
    ("Cameroon", &["Cameroonian"]),
    ("Canada", &["Canadian"]),
    ("Chad", &["Chadian"]),
    ("Chile", &["Chilean"]),
    ("China", &["Chinese"]),
    ("Colombia", &["Colombian"]),
    ("Costa Rica", &["Costa Rican"]),
    ("Croatia", &["Croatian", "Croat"]),
    ("Cuba", &["Cuban"]),
    ("Cyprus", &["Cypriot"]),
    ("Czechia", &["Czech"]),
    ("Denmark", &["Danish", "Dane"]),
    ("Dominican Republic", &["Dominican"]),
    ("Ecuador", &["Ecuadorian", "Ecuadorean"]),
    ("Egypt", &["Egyptian"]),
    ("El Salvador", &["Salvadoran", "Salvadorean"]),
    ("England", &["English"]),
    ("Eritrea", &["Eritrean"]),
    ("Estonia", &["Estonian"]),
    ("Ethiopia", &["Ethiopian"]),
    ("Fiji", &["Fijian"]),
    ("Finland", &["Finnish", "Finn"]),
    ("France", &["French", "Frenchman", "Frenchwoman"]),
    ("Gabon", &["Gabonese"]),
    ("Georgia", &["Georgian"]),
    ("Germany", &["German"]),
    ("Ghana", &["Ghanaian"]),
    ("Greece", &["Greek"]),
    ("Guatemala", &["Guatemalan"]),
    ("Guinea", &["Guinean"]),
    ("Haiti", &["Haitian"]),
    ("Honduras", &["Honduran"]),
    ("Hungary", &["Hungarian"]),
    ("Iceland", &["Icelandic", "Icelander"]),
    ("India", &["Indian"]),
    ("Indonesia", &["Indonesian"]),
    ("Iran", &["Iranian"]),
    ("Iraq", &["Iraqi"]),
    ("Ireland", &["Irish"]),
    ("Israel", &["Israeli"]),
    ("Italy", &["Italian"]),
    ("Jamaica", &["Jamaican"]),
    ("Japan", &["Japanese"]),
    ("Jordan", &["Jordanian"]),
    ("Kazakhstan", &["Kazakh", "Kazakhstani"]),
    ("Kenya", &["Kenyan"]),
    ("Kuwait", &["Kuwaiti"]),
    ("Kyrgyzstan", &["Kyrgyz"]),
    ("Laos", &["Lao", "Laotian"]),
    ("Latvia", &["Latvian"]),
    ("Lebanon", &["Lebanese"]),
    ("Liberia", &["Liberian"]),
    ("Libya", &["Libyan"]),
    ("Lithuania", &["Lithuanian"]),
    ("Luxembourg", &["Luxembourger", "Luxembourgish"]),
    ("Madagascar", &["Malagasy"]),
    ("Malawi", &["Malawian"]),
    ("Malaysia", &["Malaysian"]),
    ("Maldives", &["Maldivian"]),
    ("Mali", &["Malian"]),
    ("Malta", &["Maltese"]),
    ("Mexico", &["Mexican"]),
    ("Moldova", &["Moldovan"]),
    ("Monaco", &["Monegasque", "Monacan"]),
    ("Mongolia", &["Mongolian"]),
    ("Montenegro", &["Montenegrin"]),
    ("Morocco", &["Moroccan"]),
    ("Mozambique", &["Mozambican"]),
    ("Myanmar", &["Burmese", "Myanmar"]),
    ("Namibia", &["Namibian"]),
    ("Nepal", &["Nepali", "Nepalese"]),
    ("Netherlands", &["Dutch", "Dutchman", "Dutchwoman"]),
    ("New Zealand", &["New Zealander", "Kiwi"]),
    ("Nicaragua", &["Nicaraguan"]),
    ("Niger", &["Nigerien"]),
    ("Nigeria", &["Nigerian"]),
    ("North Korea", &["North Korean"]),
    ("North Macedonia", &["Macedonian"]),
    ("Norway", &["Norwegian"]),
    ("Oman", &["Omani"]),
    ("Pakistan", &["Pakistani"]),
    ("Palestine", &["Palestinian"]),
    ("Panama", &["Panamanian"]),
    ("Papua New Guinea", &["Papua New Guinean", "Papuan"]),
    ("Paraguay", &["Paraguayan"]),
    ("Peru", &["Peruvian"]),
    ("Philippines", &["Filipino", "Filipina", "Philippine"]),
    ("Poland", &["Polish", "Pole"]),
    ("Portugal", &["Portuguese"]),
    ("Qatar", &["Qatari"]),
    ("Romania", &["Romanian"]),
    ("Russia", &["Russian"]),
    ("Rwanda", &["Rwandan"]),
    ("Saudi Arabia", &["Saudi", "Saudi Arabian"]),
    ("Scotland", &["Scottish", "Scot", "Scots"]),
    ("Senegal", &["Senegalese"]),
    ("Serbia", &["Serbian", "Serb"]),
    ("Sierra Leone", &["Sierra Leonean"]),
    ("Singapore", &["Singaporean"]),
    ("Slovakia", &["Slovak", "Slovakian"]),
    ("Slovenia", &["Slovenian", "Slovene"]),
    ("Somalia", &["Somali"]),
    ("South Africa", &["South African"]),
    ("South Korea", &["South Korean"]),
    ("South Sudan", &["South Sudanese"]),
    ("Spain", &["Spanish", "Spaniard"]),
    ("Sri Lanka", &["Sri Lankan"]),
    ("Sudan", &["Sudanese"]),
    ("Sweden", &["Swedish", "Swede"]),
    ("Switzerland", &["Swiss"]),
    ("Syria", &["Syrian"]),
    ("Taiwan", &["Taiwanese"]),
    ("Tajikistan", &["Tajik"]),
    ("Tanzania", &["Tanzanian"]),
    ("Thailand", &["Thai"]),
    ("Timor-Leste", &["Timorese"]),
    ("Togo", &["Togolese"]),
    ("Tunisia", &["Tunisian"]),
    ("Turkey", &["Turkish", "Turk"]),
    ("Turkmenistan", &["Turkmen"]),
    ("Uganda", &["Ugandan"]),
    ("Ukraine", &["Ukrainian"]),
    ("United Arab Emirates", &["Emirati"]),
    ("United Kingdom", &["British", "Briton"]),
    ("United States", &["American"]),
    ("Uruguay", &["Uruguayan"]),
    ("Uzbekistan", &["Uzbek"]),
    ("Venezuela", &["Venezuelan"]),
    ("Vietnam", &["Vietnamese"]),
    ("Wales", &["Welsh"]),
    ("Yemen", &["Yemeni"]),
    ("Zambia", &["Zambian"]),
    ("Zimbabwe", &["Zimbabwean"]),
];

/// The listed demonyms of a place, if it is a listed country.
pub fn listed(place: &str) -> Option<&'static [&'static str]> {
    DEMONYMS
        .binary_search_by(|(country, _)| country.cmp(&place))
        .ok()
        .map(|i| DEMONYMS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_for_binary_search() {
        assert!(DEMONYMS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn every_country_has_its_demonyms_and_no_other() {
        for (country, demonyms) in DEMONYMS {
            assert_eq!(listed(country), Some(*demonyms), "{country}");
            assert!(!demonyms.is_empty(), "{country}");
            assert!(
                !demonyms.contains(country) || *country == "Myanmar",
                "{country}"
            );
        }
        assert_eq!(listed("Canada"), Some(&["Canadian"][..]));
        assert_eq!(listed("Canadian"), None);
        assert_eq!(listed("Hanoi"), None);
    }
}
