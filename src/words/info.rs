//! Information pages: page not found and the accessibility statement (in the `manage` chunk).

use booking_domain::lang::S;

booking_domain::words! {
    pub struct Words {
        // Page not found.
        not_found_heading: S,
        not_found_typed: S,
        not_found_pasted: S,
        // The accessibility statement.
        statement_heading: S,
        statement_intro: S,
        /// What the patient should be able to do (a list).
        statement_abilities: [S; 4],
        compliance_heading: S,
        compliance: S,
        issues_heading: S,
        issues: S,
        reporting_heading: S,
        reporting: S,
        enforcement_heading: S,
        enforcement: S,
        preparation_heading: S,
        preparation: S,
    }
}

pub fn en() -> Words {
    Words {
        not_found_heading: "Page not found",
        not_found_typed: "If you typed the web address, check it is correct.",
        not_found_pasted: "If you pasted the web address, check you copied the entire address.",
        statement_heading: "Accessibility statement for Book a physiotherapy appointment",
        statement_intro: "This service is run by the NHS trust that provides your physiotherapy. We want as many people as possible to be able to use it. You should be able to:",
        statement_abilities: [
            "change colours, contrast levels and fonts using your browser or device settings",
            "zoom in up to 400% without the text spilling off the screen",
            "use the whole service using just a keyboard or speech recognition software",
            "use the whole service using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)",
        ],
        compliance_heading: "Compliance status",
        compliance: "This service is designed to be fully compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard. Each time the service changes, automated tests check every page and state on narrow and wide screens: axe-core and Lighthouse accessibility checks, a whole booking and a cancellation using only a keyboard, visible focus, targets at least 44 by 44 pixels, no sideways scrolling at 320 pixels wide, larger text and text spacing, high contrast (forced colours) and reduced motion.",
        issues_heading: "Known issues",
        issues: "The automated tests find no failures. We have not yet checked every page by hand with each screen reader (JAWS, NVDA, VoiceOver, TalkBack), with speech recognition software or with Windows High Contrast, so there may be problems that tests cannot find. If you find one, please tell us.",
        reporting_heading: "Reporting accessibility problems and asking for another format",
        reporting: "If you have a problem using this service, or need information in a different format, call {phone}. We will reply within 5 working days.",
        enforcement_heading: "Enforcement procedure",
        enforcement: "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).",
        preparation_heading: "Preparation of this statement",
        preparation: "This statement was prepared on 23 November 2026. It is reviewed each time the service changes.",
    }
}

/// Welsh: needs a translator's review before going live (README, "Welsh").
pub fn cy() -> Words {
    Words {
        not_found_heading: "Heb ddod o hyd i'r dudalen",
        not_found_typed: "Os teipioch chi'r cyfeiriad gwe, gwiriwch ei fod yn gywir.",
        not_found_pasted: "Os gludoch chi'r cyfeiriad gwe, gwiriwch eich bod wedi copïo'r cyfeiriad cyfan.",
        statement_heading: "Datganiad hygyrchedd ar gyfer Trefnu apwyntiad ffisiotherapi",
        // review: "ymddiriedolaeth GIG" for "NHS trust" (in Wales, usually a health board).
        statement_intro: "Mae'r gwasanaeth hwn yn cael ei redeg gan yr ymddiriedolaeth GIG sy'n darparu eich ffisiotherapi. Rydym eisiau i gymaint o bobl â phosibl allu ei ddefnyddio. Dylech chi allu:",
        statement_abilities: [
            "newid lliwiau, lefelau cyferbyniad a ffontiau gan ddefnyddio gosodiadau eich porwr neu'ch dyfais",
            "chwyddo hyd at 400% heb i'r testun fynd oddi ar y sgrin",
            "defnyddio'r gwasanaeth cyfan gyda bysellfwrdd yn unig neu feddalwedd adnabod lleferydd",
            "defnyddio'r gwasanaeth cyfan gyda darllenydd sgrin (gan gynnwys fersiynau diweddaraf JAWS, NVDA a VoiceOver)",
        ],
        compliance_heading: "Statws cydymffurfio",
        compliance: "Mae'r gwasanaeth hwn wedi'i gynllunio i gydymffurfio'n llawn â safon AA Canllawiau Hygyrchedd Cynnwys y We (WCAG) fersiwn 2.2. Bob tro mae'r gwasanaeth yn newid, mae profion awtomatig yn gwirio pob tudalen a chyflwr ar sgriniau cul a llydan: gwiriadau hygyrchedd axe-core a Lighthouse, trefnu a chanslo apwyntiad cyfan gyda bysellfwrdd yn unig, ffocws gweladwy, targedau o 44 wrth 44 picsel o leiaf, dim sgrolio i'r ochr ar 320 picsel o led, testun mwy a bylchau testun, cyferbyniad uchel (lliwiau gorfodol) a llai o symud.",
        issues_heading: "Problemau hysbys",
        issues: "Nid yw'r profion awtomatig yn dod o hyd i unrhyw fethiannau. Nid ydym wedi gwirio pob tudalen â llaw eto gyda phob darllenydd sgrin (JAWS, NVDA, VoiceOver, TalkBack), gyda meddalwedd adnabod lleferydd na gyda Windows High Contrast, felly efallai fod problemau na all profion ddod o hyd iddynt. Os dewch chi o hyd i un, rhowch wybod i ni.",
        reporting_heading: "Rhoi gwybod am broblemau hygyrchedd a gofyn am fformat arall",
        reporting: "Os oes gennych chi broblem wrth ddefnyddio'r gwasanaeth hwn, neu os oes angen gwybodaeth arnoch chi mewn fformat gwahanol, ffoniwch {phone}. Byddwn yn ateb o fewn 5 diwrnod gwaith.",
        enforcement_heading: "Y weithdrefn orfodi",
        // review: the Welsh titles of the regulations and of EASS.
        enforcement: "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018. Os nad ydych chi'n fodlon â'r ffordd rydym yn ymateb i'ch cwyn, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).",
        preparation_heading: "Paratoi'r datganiad hwn",
        preparation: "Cafodd y datganiad hwn ei baratoi ar 23 Tachwedd 2026. Caiff ei adolygu bob tro mae'r gwasanaeth yn newid.",
    }
}

pub fn words() -> &'static Words {
    // English made once (its strings are in the code that makes it, so they travel with it).
    static EN: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    super::pick(&EN, en, |w| &w.info)
}
