//! Synthetic glossary generator for benchmarks (issue 7, "Workload"):
//! the default glossary plus plausible synthetic entries up to a requested
//! size.
//!
//! ```text
//! cargo run --release --example gen_glossary -- --entries 20000 --seed 1 --out FILE
//! ```
//!
//! The output is `glossaries/vi-en.yaml` verbatim (so every default entry,
//! note, forbidden form and case setting is kept) followed by synthetic
//! entries: Vietnamese person names (with diacritics in Vietnamese, without
//! in English), foreign person names, Vietnamese places, companies and
//! institutions, and policy terms. Every synthetic id is unique and no
//! synthetic form equals (after the checker's normalization and case
//! folding) any form of another entry in the same language, so the
//! glossary stays unambiguous however large it gets. The result is loaded
//! back with `transcheck::glossary::load_str` before it is written. See
//! docs/benchmark-corpus.md.

#[path = "support/rng.rs"]
mod rng;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use transcheck::glossary::{load_str, Glossary, Limits, DEFAULT_GLOSSARY};
use transcheck::normalize::{fold_case, normalize_str};
use unicode_normalization::UnicodeNormalization;

use rng::Rng;

#[derive(Debug, Parser)]
#[command(about = "Writes the default glossary extended with synthetic entries.")]
pub(crate) struct Args {
    /// Total number of entries. The default glossary's own entries always
    /// come first, so a total below their count gives just the default.
    #[arg(long, default_value_t = 20_000)]
    pub(crate) entries: usize,
    /// Seed; the same arguments always give byte-identical output.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Output file.
    #[arg(long)]
    pub(crate) out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_glossary: {message}");
            ExitCode::from(2)
        }
    }
}

/// Also called by the benchmarks (`benches/perf.rs`), which generate their
/// inputs under `target/` with the same code.
pub(crate) fn run(args: &Args) -> Result<(), String> {
    let started = Instant::now();
    let base = Glossary::default_vi_en().map_err(|e| e.to_string())?;
    let mut taken = Taken::from(&base);
    let wanted = args.entries.saturating_sub(base.entries.len());
    if wanted == 0 {
        eprintln!(
            "gen_glossary: the default glossary alone has {} entries; writing it unchanged",
            base.entries.len()
        );
    }

    let mut out = String::with_capacity(DEFAULT_GLOSSARY.len() + wanted * 110);
    out.push_str(DEFAULT_GLOSSARY);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    if wanted > 0 {
        let _ = writeln!(
            out,
            "\n  # ---- Synthetic entries for benchmarks (gen_glossary --entries {} --seed {}) ----",
            args.entries, args.seed
        );
    }
    let mut rng = Rng::stream(args.seed, 0, 2);
    let mut weights: Vec<u32> = Category::ALL.iter().map(|c| c.weight()).collect();
    let mut made = 0;
    let mut per_kind = [0usize; 5];
    while made < wanted {
        if weights.iter().all(|&w| w == 0) {
            return Err(format!(
                "ran out of distinct synthetic names after {made} entries; \
                 at most about {} entries can be generated",
                base.entries.len() + made
            ));
        }
        let c = rng.weighted(&weights);
        // Rejection sampling: a category that keeps colliding is used up.
        let entry = (0..200).find_map(|_| {
            let candidate = Category::ALL[c].draw(&mut rng);
            taken.admit(&candidate).then_some(candidate)
        });
        match entry {
            Some(entry) => {
                entry.write_yaml(&mut out);
                per_kind[c] += 1;
                made += 1;
            }
            None => weights[c] = 0,
        }
    }

    // Prove the file loads with the checker's own loader before writing it.
    let loaded_at = Instant::now();
    let name = args.out.display().to_string();
    let glossary = load_str(&out, &name, &Limits::default()).map_err(|e| e.to_string())?;
    let load_time = loaded_at.elapsed();
    if glossary.entries.len() != base.entries.len() + made {
        return Err(format!(
            "wrote {} entries but the loader read {}",
            base.entries.len() + made,
            glossary.entries.len()
        ));
    }
    std::fs::write(&args.out, &out).map_err(|e| format!("{name}: {e}"))?;
    let detail: Vec<String> = Category::ALL
        .iter()
        .zip(per_kind)
        .map(|(c, n)| format!("{} {n}", c.name()))
        .collect();
    eprintln!(
        "gen_glossary: {name}: {} entries ({} default + {made} synthetic: {}), {:.2} MB; \
         verified with load_str in {:.0} ms; {:.2} s in all",
        glossary.entries.len(),
        base.entries.len(),
        detail.join(", "),
        out.len() as f64 / 1e6,
        load_time.as_secs_f64() * 1e3,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Ids and forms already used, per language, in the checker's matching
/// key (normalized, case-folded): a new form must not equal any of them.
struct Taken {
    ids: HashSet<String>,
    vi: HashSet<String>,
    en: HashSet<String>,
}

fn key(form: &str) -> String {
    fold_case(&normalize_str(form))
}

impl Taken {
    fn from(glossary: &Glossary) -> Taken {
        let mut taken = Taken {
            ids: HashSet::new(),
            vi: HashSet::new(),
            en: HashSet::new(),
        };
        for e in &glossary.entries {
            if let Some(id) = &e.id {
                taken.ids.insert(id.clone());
            }
            for (lang, set) in [("vi", &mut taken.vi), ("en", &mut taken.en)] {
                for form in e.forms(lang).iter().chain(e.forbidden(lang)) {
                    set.insert(key(form));
                }
            }
        }
        taken
    }

    /// Reserves the entry's id and forms if none is taken yet.
    fn admit(&mut self, entry: &Synthetic) -> bool {
        let vi: Vec<String> = entry.vi.iter().map(|f| key(f)).collect();
        let en: Vec<String> = entry.en.iter().map(|f| key(f)).collect();
        let distinct = |keys: &[String]| keys.iter().collect::<HashSet<_>>().len() == keys.len();
        if self.ids.contains(&entry.id)
            || !distinct(&vi)
            || !distinct(&en)
            || vi.iter().any(|k| self.vi.contains(k))
            || en.iter().any(|k| self.en.contains(k))
        {
            return false;
        }
        self.ids.insert(entry.id.clone());
        self.vi.extend(vi);
        self.en.extend(en);
        true
    }
}

/// One synthetic glossary entry.
struct Synthetic {
    id: String,
    kind: &'static str,
    vi: Vec<String>,
    en: Vec<String>,
}

impl Synthetic {
    fn new(prefix: &str, kind: &'static str, vi: Vec<String>, en: Vec<String>) -> Synthetic {
        Synthetic {
            id: format!("syn-{prefix}-{}", slug(&en[0])),
            kind,
            vi,
            en,
        }
    }

    fn write_yaml(&self, out: &mut String) {
        let list = |forms: &[String]| -> String {
            let items: Vec<String> = forms.iter().map(|f| scalar(f)).collect();
            format!("[{}]", items.join(", "))
        };
        let _ = writeln!(out, "  - id: {}", self.id);
        let _ = writeln!(out, "    kind: {}", self.kind);
        let _ = writeln!(out, "    vi: {}", list(&self.vi));
        let _ = writeln!(out, "    en: {}", list(&self.en));
    }
}

/// A YAML flow scalar: plain when that is unambiguous, double-quoted
/// otherwise ("Hoa Binh Steel Co., Ltd." has a comma, which would end the
/// item in a flow list).
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '\''))
        && s.chars().next().is_some_and(char::is_alphanumeric)
        && !s.ends_with(' ');
    if plain {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// Vietnamese without diacritics, as English news writes Vietnamese names:
/// "Nguyễn Thị Hằng" → "Nguyen Thi Hang".
fn ascii_fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in ascii_fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

// ---------------------------------------------------------------------------
// Name material, written for this generator.

const VI_SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đào", "Mai", "Cao", "Lâm", "Tạ", "Hà", "Tô",
    "Lương", "Chu", "Thái", "Quách", "Vương", "Triệu", "Kiều", "Doãn", "Lưu", "Phùng", "Tăng",
    "Khúc", "La", "Mạc", "Âu",
];

const VI_MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Xuân", "Hoàng", "Anh", "Thu",
    "Kim", "Bảo", "Gia", "Hồng", "Mạnh", "Tuấn", "Quốc", "Công", "Đình", "Trọng", "Thế", "Phương",
    "Khánh", "Diệu", "Bích", "Hải", "Tiến", "Việt",
];

const VI_GIVEN: &[&str] = &[
    "An", "Anh", "Bình", "Cường", "Chi", "Dũng", "Duy", "Giang", "Hà", "Hải", "Hạnh", "Hiếu",
    "Hòa", "Hùng", "Huy", "Hương", "Hưng", "Khang", "Khoa", "Lan", "Linh", "Long", "Mai", "Minh",
    "My", "Nam", "Nga", "Ngân", "Nghĩa", "Nhung", "Phong", "Phúc", "Phương", "Quân", "Quang",
    "Quỳnh", "Sơn", "Tâm", "Thắng", "Thảo", "Thành", "Thịnh", "Thủy", "Tiến", "Trang", "Trung",
    "Tú", "Tuấn", "Uyên", "Vân", "Việt", "Vinh", "Vy", "Yến", "Đạt", "Đông", "Điệp", "Hiền",
    "Hằng", "Khải", "Lộc", "Luân", "Nhân", "Phát", "Tài", "Thiện", "Toàn", "Trí", "Trinh", "Tùng",
    "Xuân", "Bảo", "Châu", "Diễm", "Hậu", "Kiên", "Lực", "Nguyên", "Oanh", "Quý", "Sang", "Thuận",
    "Thư", "Tín", "Triều", "Cẩm", "Giao", "Khôi", "Lợi", "Mẫn", "Ninh", "Nhàn", "Phú",
];

const FOREIGN_GIVEN: &[&str] = &[
    "James",
    "Maria",
    "Anna",
    "David",
    "Sofia",
    "Michael",
    "Elena",
    "Thomas",
    "Laura",
    "Daniel",
    "Olga",
    "Ivan",
    "Yuki",
    "Hiroshi",
    "Kenji",
    "Min-jun",
    "Ji-woo",
    "Wei",
    "Ahmed",
    "Fatima",
    "Omar",
    "Aisha",
    "Carlos",
    "Lucia",
    "Pedro",
    "Ana",
    "Jean",
    "Marie",
    "Pierre",
    "Claire",
    "Hans",
    "Greta",
    "Klaus",
    "Ingrid",
    "Lars",
    "Astrid",
    "Piotr",
    "Katarzyna",
    "Andrei",
    "Natalia",
    "Dmitri",
    "Irina",
    "Sergio",
    "Giulia",
    "Marco",
    "Chiara",
    "Rahul",
    "Priya",
    "Arjun",
    "Ananya",
    "Somchai",
    "Suda",
    "Budi",
    "Siti",
    "Jose",
    "Rosa",
    "Miguel",
    "Isabel",
    "Kwame",
    "Amara",
    "Chidi",
    "Ngozi",
    "Mehmet",
    "Ayse",
    "Reza",
    "Leila",
    "Oliver",
    "Emma",
    "George",
    "Charlotte",
    "Samuel",
    "Grace",
    "Lukas",
    "Mia",
    "Noah",
    "Lena",
    "Mateo",
    "Valentina",
    "Hugo",
    "Camille",
    "Erik",
    "Freya",
    "Tomas",
    "Eva",
    "Yusuf",
    "Zainab",
    "Kofi",
    "Abena",
    "Raj",
    "Meera",
    "Sven",
    "Hanna",
    "Jakub",
    "Zofia",
    "Nikolai",
    "Tatiana",
    "Akira",
    "Haruka",
];

const FOREIGN_SURNAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Brown",
    "Taylor",
    "Wilson",
    "Clarke",
    "Walker",
    "Wright",
    "Hughes",
    "Evans",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Becker",
    "Dubois",
    "Laurent",
    "Moreau",
    "Lefebvre",
    "Garcia",
    "Martinez",
    "Lopez",
    "Fernandez",
    "Gonzalez",
    "Rossi",
    "Russo",
    "Bianchi",
    "Romano",
    "Ricci",
    "Ivanov",
    "Petrov",
    "Smirnov",
    "Volkov",
    "Sokolov",
    "Kowalski",
    "Nowak",
    "Wisniewski",
    "Novak",
    "Horvath",
    "Nagy",
    "Popescu",
    "Ionescu",
    "Papadopoulos",
    "Jensen",
    "Hansen",
    "Larsen",
    "Andersson",
    "Johansson",
    "Nilsson",
    "Virtanen",
    "Korhonen",
    "de Vries",
    "Jansen",
    "Peeters",
    "Silva",
    "Santos",
    "Oliveira",
    "Pereira",
    "Costa",
    "Tanaka",
    "Suzuki",
    "Takahashi",
    "Watanabe",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Wang",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Zhou",
    "Sharma",
    "Patel",
    "Singh",
    "Gupta",
    "Kumar",
    "Reddy",
    "Khan",
    "Hassan",
    "Hussein",
    "Rahman",
    "Yilmaz",
    "Kaya",
    "Demir",
    "Sahin",
    "Mensah",
    "Owusu",
    "Okafor",
    "Adeyemi",
    "Mwangi",
    "Otieno",
    "Cohen",
    "Levi",
    "Friedman",
    "Sato",
    "Ito",
    "Tan",
    "Lim",
    "Wong",
    "Ng",
    "Santoso",
    "Wijaya",
    "Reyes",
    "Cruz",
    "Bautista",
    "Chaiyaporn",
];

/// Syllables of Vietnamese place and brand names.
const PLACE_SYLLABLES: &[&str] = &[
    "An",
    "Bình",
    "Phú",
    "Tân",
    "Long",
    "Hòa",
    "Thạnh",
    "Mỹ",
    "Phước",
    "Thuận",
    "Đông",
    "Tây",
    "Hưng",
    "Lộc",
    "Thành",
    "Vĩnh",
    "Xuân",
    "Sơn",
    "Hải",
    "Thủy",
    "Lâm",
    "Hiệp",
    "Khánh",
    "Quang",
    "Minh",
    "Đức",
    "Trung",
    "Nghĩa",
    "Cát",
    "Lợi",
    "Thịnh",
    "Hội",
    "Phong",
    "Tiến",
    "Định",
    "Hà",
    "Gia",
    "Cẩm",
    "Kim",
    "Ngọc",
    "Châu",
    "Điền",
    "Thới",
    "Hậu",
    "Lạc",
    "Yên",
    "Bảo",
    "Vân",
    "Hoàng",
    "Quế",
    "Phúc",
    "Thiện",
    "Đồng",
    "Cao",
    "Linh",
    "Triệu",
    "Hồng",
    "Liên",
    "Trà",
    "Giang",
    "Tường",
    "Mai",
    "Hương",
    "Tam",
    "Vạn",
    "Thượng",
    "Chánh",
    "Nhơn",
    "Khương",
    "Diên",
    "Ninh",
    "Quảng",
    "Kỳ",
    "Tuy",
    "Sa",
    "Lương",
    "Phổ",
    "Đại",
];

/// Vietnamese prefix, English pattern (`{}` is the name).
const PLACE_TYPES: &[(&str, &str)] = &[
    ("xã", "{} commune"),
    ("phường", "{} ward"),
    ("thị trấn", "{} township"),
    ("huyện", "{} district"),
    ("thị xã", "{} town"),
    ("sông", "{} River"),
    ("hồ", "{} Lake"),
    ("núi", "Mount {}"),
    ("đảo", "{} Island"),
];

const SECTORS: &[(&str, &str)] = &[
    ("Xây dựng", "Construction"),
    ("Thép", "Steel"),
    ("Dược phẩm", "Pharmaceutical"),
    ("Thủy sản", "Seafood"),
    ("Vận tải", "Transport"),
    ("Địa ốc", "Property"),
    ("Đầu tư", "Investment"),
    ("Năng lượng", "Energy"),
    ("Công nghệ", "Technology"),
    ("Thực phẩm", "Food"),
    ("Dệt may", "Textile"),
    ("Cao su", "Rubber"),
    ("Nhựa", "Plastics"),
    ("Điện lực", "Power"),
    ("Cơ khí", "Engineering"),
    ("Du lịch", "Tourism"),
    ("Nông sản", "Agricultural Products"),
    ("Xi măng", "Cement"),
    ("Giấy", "Paper"),
    ("Hóa chất", "Chemicals"),
    ("Khoáng sản", "Minerals"),
    ("Viễn thông", "Telecom"),
    ("Bảo hiểm", "Insurance"),
    ("Chứng khoán", "Securities"),
    ("Cà phê", "Coffee"),
    ("Lương thực", "Food Products"),
    ("Sữa", "Dairy"),
    ("Điện tử", "Electronics"),
    ("Phần mềm", "Software"),
    ("Môi trường", "Environment"),
    ("Cấp nước", "Water Supply"),
    ("Cảng biển", "Seaport"),
];

const DEPARTMENTS: &[(&str, &str)] = &[
    ("Y tế", "Health"),
    ("Giáo dục và Đào tạo", "Education and Training"),
    ("Tài chính", "Finance"),
    ("Xây dựng", "Construction"),
    ("Công Thương", "Industry and Trade"),
    ("Nội vụ", "Home Affairs"),
    ("Tư pháp", "Justice"),
    ("Khoa học và Công nghệ", "Science and Technology"),
    ("Nông nghiệp và Môi trường", "Agriculture and Environment"),
];

const FIELDS: &[(&str, &str)] = &[
    ("Kinh tế", "Economics"),
    ("Y khoa", "Medicine"),
    ("Luật", "Law"),
    ("Bách khoa", "Technology"),
    ("Sư phạm", "Education"),
    ("Nông lâm", "Agriculture and Forestry"),
    ("Kiến trúc", "Architecture"),
    ("Ngoại ngữ", "Foreign Studies"),
];

const TERM_HEADS: &[(&str, &str)] = &[
    ("chương trình", "programme"),
    ("quỹ", "fund"),
    ("chính sách", "policy"),
    ("dự án", "project"),
    ("gói hỗ trợ", "support package"),
    ("chỉ số", "index"),
    ("hệ thống", "system"),
    ("chiến lược", "strategy"),
    ("đề án", "scheme"),
    ("quy hoạch", "master plan"),
    ("trung tâm", "centre"),
    ("mạng lưới", "network"),
    ("cơ chế", "mechanism"),
    ("tiêu chuẩn", "standard"),
    ("nền tảng", "platform"),
    ("lộ trình", "roadmap"),
    ("khung pháp lý", "legal framework"),
    ("thị trường", "market"),
    ("ngành", "industry"),
    ("kế hoạch", "plan"),
    ("diễn đàn", "forum"),
    ("quy chuẩn", "technical regulation"),
    ("bộ tiêu chí", "criteria"),
    ("mô hình", "model"),
    ("chứng chỉ", "certificate"),
    ("cổng thông tin", "portal"),
    ("hành lang", "corridor"),
    ("khu", "zone"),
    ("quỹ đầu tư", "investment fund"),
    ("liên minh", "alliance"),
];

const TERM_TOPICS: &[(&str, &str)] = &[
    ("năng lượng sạch", "clean energy"),
    ("nông nghiệp thông minh", "smart agriculture"),
    ("kinh tế tuần hoàn", "circular economy"),
    ("đô thị thông minh", "smart city"),
    ("giao thông xanh", "green transport"),
    ("y tế số", "digital health"),
    ("giáo dục nghề nghiệp", "vocational education"),
    ("nhà ở xã hội", "social housing"),
    ("tín dụng xanh", "green credit"),
    ("tín chỉ carbon", "carbon credit"),
    ("thương mại điện tử", "e-commerce"),
    ("dữ liệu mở", "open data"),
    ("điện toán đám mây", "cloud computing"),
    ("an sinh xã hội", "social welfare"),
    ("bảo hiểm y tế", "health insurance"),
    ("phòng chống thiên tai", "disaster prevention"),
    ("quản lý rủi ro", "risk management"),
    ("khởi nghiệp sáng tạo", "innovative start-up"),
    ("công nghiệp hỗ trợ", "supporting industry"),
    ("phát triển bền vững", "sustainable development"),
    ("chuyển đổi xanh", "green transition"),
    ("du lịch cộng đồng", "community tourism"),
    ("nuôi trồng thủy sản", "aquaculture"),
    ("tài chính toàn diện", "financial inclusion"),
    ("kinh tế ban đêm", "night-time economy"),
    ("kinh tế biển", "maritime economy"),
    ("năng lượng hydro", "hydrogen energy"),
    ("xe điện", "electric vehicle"),
    ("pin lưu trữ", "battery storage"),
    ("chăm sóc người cao tuổi", "elderly care"),
    ("dinh dưỡng học đường", "school nutrition"),
    ("nước sạch", "clean water"),
    ("rừng phòng hộ", "protection forest"),
    ("xử lý rác thải", "waste treatment"),
    ("thanh toán không tiền mặt", "cashless payment"),
    ("định danh điện tử", "electronic identification"),
    ("an toàn thực phẩm", "food safety"),
    ("đào tạo nhân lực", "workforce training"),
    ("bảo tồn di sản", "heritage conservation"),
    ("giảm nghèo", "poverty reduction"),
];

/// Vietnamese qualifier after the noun, English before it.
const TERM_SCOPES: &[(&str, &str)] = &[
    ("", ""),
    ("quốc gia", "national"),
    ("vùng", "regional"),
    ("đô thị", "urban"),
    ("nông thôn", "rural"),
    ("ven biển", "coastal"),
    ("liên vùng", "inter-regional"),
    ("cấp tỉnh", "provincial"),
    ("quốc tế", "international"),
];

/// What a synthetic entry is, with its share of the synthetic entries.
#[derive(Debug, Clone, Copy)]
enum Category {
    VietnamesePerson,
    ForeignPerson,
    Place,
    Organization,
    Term,
}

impl Category {
    const ALL: [Category; 5] = [
        Category::VietnamesePerson,
        Category::ForeignPerson,
        Category::Place,
        Category::Organization,
        Category::Term,
    ];

    /// People dominate real news glossaries; terms are few and would run
    /// out of distinct combinations first.
    fn weight(self) -> u32 {
        match self {
            Category::VietnamesePerson => 38,
            Category::ForeignPerson => 17,
            Category::Place => 15,
            Category::Organization => 24,
            Category::Term => 6,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Category::VietnamesePerson => "Vietnamese people",
            Category::ForeignPerson => "foreign people",
            Category::Place => "places",
            Category::Organization => "organisations",
            Category::Term => "terms",
        }
    }

    fn draw(self, rng: &mut Rng) -> Synthetic {
        match self {
            Category::VietnamesePerson => {
                let mut parts = vec![*rng.pick(VI_SURNAMES), *rng.pick(VI_MIDDLE)];
                // Some people carry a second middle name ("Nguyễn Thị Thu Hằng").
                if rng.chance(0.25) {
                    parts.push(*rng.pick(VI_MIDDLE));
                }
                parts.push(*rng.pick(VI_GIVEN));
                // "Văn Văn" or "Minh Minh" is no name.
                if parts.windows(2).any(|w| w[0] == w[1]) {
                    return Category::VietnamesePerson.draw(rng);
                }
                let vi = parts.join(" ");
                let en = ascii_fold(&vi);
                Synthetic::new("person", "person", vec![vi], vec![en])
            }
            Category::ForeignPerson => {
                let given = *rng.pick(FOREIGN_GIVEN);
                let surname = *rng.pick(FOREIGN_SURNAMES);
                let name = if rng.chance(0.5) {
                    let initial = char::from(b'A' + rng.below(26) as u8);
                    format!("{given} {initial}. {surname}")
                } else {
                    format!("{given} {surname}")
                };
                // Vietnamese news keeps foreign names in their Latin spelling.
                Synthetic::new("person", "person", vec![name.clone()], vec![name])
            }
            Category::Place => {
                let name = two_syllables(rng);
                let (vi_type, en_pattern) = *rng.pick(PLACE_TYPES);
                let vi = format!("{vi_type} {name}");
                let en = en_pattern.replace("{}", &ascii_fold(&name));
                Synthetic::new("place", "place", vec![vi], vec![en])
            }
            Category::Organization => organization(rng),
            Category::Term => {
                let (vh, eh) = *rng.pick(TERM_HEADS);
                let (vt, et) = *rng.pick(TERM_TOPICS);
                let (vs, es) = *rng.pick(TERM_SCOPES);
                let vi = [vh, vt, vs].join(" ").trim_end().to_string();
                let en = [es, et, eh].join(" ").trim_start().to_string();
                Synthetic::new("term", "term", vec![vi], vec![en])
            }
        }
    }
}

/// A two-syllable Vietnamese proper name ("Tân Phú"), distinct syllables.
fn two_syllables(rng: &mut Rng) -> String {
    let a = rng.below(PLACE_SYLLABLES.len());
    let mut b = rng.below(PLACE_SYLLABLES.len() - 1);
    if b >= a {
        b += 1;
    }
    format!("{} {}", PLACE_SYLLABLES[a], PLACE_SYLLABLES[b])
}

/// Companies with their usual abbreviations, banks, hospitals,
/// universities, provincial departments and trade associations.
fn organization(rng: &mut Rng) -> Synthetic {
    let brand = two_syllables(rng);
    let brand_en = ascii_fold(&brand);
    let (sv, se) = *rng.pick(SECTORS);
    let org = |vi: Vec<String>, en: Vec<String>| Synthetic::new("org", "organization", vi, en);
    match rng.weighted(&[5, 3, 2, 2, 1, 2, 2, 1, 1]) {
        0 => org(
            vec![
                format!("Công ty Cổ phần {sv} {brand}"),
                format!("Công ty CP {sv} {brand}"),
            ],
            vec![
                format!("{brand_en} {se} Joint Stock Company"),
                format!("{brand_en} {se} JSC"),
            ],
        ),
        1 => org(
            vec![format!("Công ty TNHH {sv} {brand}")],
            vec![format!("{brand_en} {se} Co., Ltd.")],
        ),
        2 => org(
            vec![format!("Tập đoàn {sv} {brand}")],
            vec![format!("{brand_en} {se} Group")],
        ),
        3 => org(
            vec![format!("Tổng công ty {sv} {brand}")],
            vec![format!("{brand_en} {se} Corporation")],
        ),
        4 => org(
            vec![
                format!("Ngân hàng Thương mại Cổ phần {brand}"),
                format!("Ngân hàng TMCP {brand}"),
            ],
            vec![
                format!("{brand_en} Commercial Joint Stock Bank"),
                format!("{brand_en} Bank"),
            ],
        ),
        5 => org(
            vec![format!("Bệnh viện Đa khoa {brand}")],
            vec![format!("{brand_en} General Hospital")],
        ),
        6 => {
            let (fv, fe) = *rng.pick(FIELDS);
            org(
                vec![format!("Trường Đại học {fv} {brand}")],
                vec![format!("{brand_en} University of {fe}")],
            )
        }
        7 => {
            let (dv, de) = *rng.pick(DEPARTMENTS);
            org(
                vec![format!("Sở {dv} {brand}")],
                vec![format!("{brand_en} Department of {de}")],
            )
        }
        _ => org(
            vec![format!("Hiệp hội {sv} {brand}")],
            vec![format!("{brand_en} {se} Association")],
        ),
    }
}
