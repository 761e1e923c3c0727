//! Table-driven tests of extraction and matching together: every pair in
//! the "zero false positives" list of the numbers issue, every pair in its
//! "must be flagged" list, and many more of our own.

use super::*;

fn check(src: &str, tgt: &str) -> (Vec<Mention>, Vec<Mention>, Vec<NumberIssue>) {
    let (Some(vi), Some(en)) = (language("vi"), language("en")) else {
        panic!("languages are registered");
    };
    let s = vi.extract(src);
    let t = en.extract(tgt);
    let issues = compare(&s, &t, vi, en);
    (s, t, issues)
}

/// Correct renderings: none may produce an issue.
const CLEAN: &[(&str, &str)] = &[
    // From the issue.
    ("25.000 container", "25,000 containers"),
    ("2,7 triệu", "2.7 million"),
    ("120,4 tỷ USD", "$120.4 billion"),
    ("2.500 tỷ USD", "$2.5 trillion"),
    ("7.000 tỷ đồng", "7 trillion dong"),
    ("2 triệu tỷ đồng", "2 quadrillion dong"),
    ("0,25 điểm phần trăm", "0.25 percentage points"),
    ("14/2", "February 14"),
    ("28/12, 3/1 và 9/1", "December 28, January 3 and January 9"),
    ("tháng 5/2022", "May 2022"),
    ("tháng 11 năm ngoái", "November last year"),
    ("quý II/2023", "the second quarter of 2023"),
    ("6 tháng đầu năm", "the first six months"),
    ("thứ 12", "12th"),
    ("lần thứ 32", "32nd"),
    ("6 tàu cá", "six fishing boats"),
    ("ba tuần", "three weeks"),
    ("ba mươi mốt", "31"),
    ("mười lăm", "15"),
    ("hai mươi lăm nghìn", "25,000"),
    ("hàng chục máy bay", "dozens of aircraft"),
    ("khoảng 450 km", "about 450km"),
    ("hôm thứ Sáu", "on Friday"),
    ("từ năm 1998", "since 1998"),
    ("15h45", "3:45 p.m."),
    ("từ ngày 10/6 đến 12/6", "from June 10 to 12"),
    ("Covid-19", "Covid-19"),
    ("F-16", "F-16"),
    // Identifiers are never quantities.
    ("G7", "G7"),
    ("H5N1", "H5N1"),
    ("MH17", "MH17"),
    ("máy bay A321", "an A321 aircraft"),
    ("mạng 5G", "5G networks"),
    ("Covid-19", "the coronavirus"),
    ("chiến đấu cơ F-16", "fighter jets"),
    // Hedges differ or vanish.
    ("hơn 5.000 doanh nghiệp", "over 5,000 businesses"),
    ("hơn 5.000 doanh nghiệp", "about 5,000 businesses"),
    ("hơn 5.000 doanh nghiệp", "5,000 businesses"),
    ("khoảng 3 triệu người", "nearly 3 million people"),
    ("khoảng 2,68 triệu người", "about 2.7 million people"),
    ("ít nhất 12 người", "at least 12 people"),
    // Vague quantities.
    ("vài chục người", "several dozen people"),
    ("hàng trăm nghìn người", "hundreds of thousands of people"),
    ("hàng chục nghìn người", "tens of thousands of people"),
    ("hàng tỷ USD", "billions of dollars"),
    ("vài người", "a few people"),
    ("hàng chục người", "40 people"),
    ("12 quả trứng", "a dozen eggs"),
    ("một phần ba dân số", "a third of the population"),
    ("hai phần ba", "two-thirds"),
    // Word numbers implied by the translation.
    ("hai nước", "the two countries"),
    ("hai nước", "both countries"),
    ("một người đàn ông", "a man"),
    ("một người đàn ông", "one man"),
    ("Ba tôi 50 tuổi.", "My father is 50."),
    ("mười năm", "ten years"),
    ("mười năm", "a decade"),
    ("hai mươi năm", "20 years"),
    ("hai mươi năm", "twenty years"),
    ("năm người", "five people"),
    ("năm năm", "five years"),
    // Relative dates and periods.
    ("năm ngoái", "last year"),
    ("năm 2023", "last year"),
    ("tháng trước", "in May"),
    ("6 tháng đầu năm", "the first half"),
    ("6 tháng cuối năm", "the second half"),
    ("9 tháng đầu năm", "the first nine months"),
    ("thứ 2 tuần trước", "last Monday"),
    ("Chủ nhật", "Sunday"),
    ("hôm qua", "on Monday"),
    ("ngày 10/6", "on Monday, June 10"),
    // Weekdays and ordinals.
    ("hôm thứ Tư", "on Wednesday"),
    ("vào thứ năm", "on Thursday"),
    ("lần thứ tư", "for the fourth time"),
    ("lần thứ năm", "the fifth time"),
    ("lần đầu tiên", "for the first time"),
    ("thứ nhất", "first"),
    ("quý III", "the third quarter"),
    ("quý 3/2023", "Q3 2023"),
    ("quý III năm 2023", "the third quarter of 2023"),
    ("thế kỷ XXI", "the 21st century"),
    ("thế kỷ XXI", "the twenty-first century"),
    ("thế kỷ 21", "the 21st century"),
    ("Đại hội XIII", "the 13th National Congress"),
    ("Thế chiến II", "World War II"),
    ("Chiến tranh thế giới thứ hai", "World War II"),
    // Dates.
    ("tháng Giêng", "in January"),
    (
        "Giá vàng sáng 24/7 tăng",
        "Gold prices rose on the morning of July 24",
    ),
    ("ngày 24/7", "on July 24"),
    ("dịch vụ hoạt động 24/7", "the service runs 24/7"),
    (
        "Chỉ số đóng cửa phiên 24/7 ở mức 942 điểm",
        "The index closed at 942 points on July 24",
    ),
    ("Svalbard và Jan Mayen", "Svalbard and Jan Mayen"),
    (
        "giai đoạn 2017-2022 và từ ngày 4/8/2022",
        "the 2017-2022 period and from August 4, 2022",
    ),
    (
        "Ngoại trưởng Séc Jan Lipavsky",
        "Czech Foreign Minister Jan Lipavsky",
    ),
    ("tháng 11 năm 2023", "November 2023"),
    ("ngày 28-12-2023", "December 28, 2023"),
    ("28/12/2023", "28 December 2023"),
    ("ngày 28/12/2023", "on December 28"),
    ("ngày 14 tháng 2", "on Feb. 14"),
    ("ngày 14/2", "on the 14th of February"),
    ("7-8/9", "September 7-8"),
    ("7-8/9", "7-8 September"),
    ("ngày 10 và 12/6", "June 10 and 12"),
    ("2019-2023", "2019-2023"),
    ("giai đoạn 2019-2023", "the 2019-2023 period"),
    ("từ 2019 đến 2023", "from 2019 to 2023"),
    ("những năm 1990", "the 1990s"),
    ("vụ 11/9", "the 9/11 attacks"),
    ("ngày 3-4", "April 3"),
    // Times.
    ("3 giờ chiều", "3 p.m."),
    ("lúc 8h", "at 8 a.m."),
    ("lúc 8h", "at 8:00"),
    ("20h30", "8:30 p.m."),
    ("15 giờ 45 phút", "3:45 p.m."),
    // Percent and points.
    ("12,6%", "12.6%"),
    ("12,6%", "12.6 percent"),
    ("5 phần trăm", "5 per cent"),
    ("0,15 điểm phần trăm", "0.15 percentage points"),
    ("0,25 điểm phần trăm", "25 basis points"),
    ("0,25 điểm phần trăm", "0.25 points"),
    ("tăng 0,5%", "up 0.5 percentage points"),
    ("10-15%", "10 to 15 percent"),
    ("từ 10 đến 15%", "10-15%"),
    // Money and currencies.
    ("5 USD", "$5"),
    ("5 đô la Mỹ", "5 US dollars"),
    ("100 đô la", "100 dollars"),
    ("7.000 tỷ đồng", "VND7 trillion"),
    ("50.000 đồng", "50,000 dong"),
    ("50.000 VND", "VND50,000"),
    ("5 triệu euro", "€5 million"),
    ("5 triệu euro", "5 million euros"),
    ("100 yen", "100 yen"),
    ("1.000 nhân dân tệ", "1,000 yuan"),
    ("1.000 nhân dân tệ", "1,000 yuan"),
    ("3.000 won", "3,000 won"),
    ("20 tỷ rúp", "20 billion rubles"),
    ("5 triệu bảng Anh", "£5 million"),
    ("5 triệu bảng Anh", "5 million pounds sterling"),
    ("5 triệu bảng", "5 million pounds"),
    ("nặng 5 pound", "weighs 5 pounds"),
    (
        "45,2 tỷ USD, trong đó 20 tỷ",
        "$45.2 billion, of which $20 billion",
    ),
    ("1 tỷ 200 triệu đồng", "1.2 billion dong"),
    ("từ 2 đến 3 triệu", "2-3 million"),
    ("từ 2 đến 3 triệu", "between 2 and 3 million"),
    ("3-5 triệu USD", "$3-5 million"),
    ("3-5 triệu USD", "$3 million to $5 million"),
    // Mixed sentences.
    (
        "Ngày 14/2, hơn 5.000 người đã tham gia, tăng 12,6% so với năm ngoái.",
        "On February 14, more than 5,000 people took part, up 12.6% from last year.",
    ),
    (
        "Kim ngạch xuất khẩu 6 tháng đầu năm đạt 120,4 tỷ USD.",
        "Exports in the first half reached $120.4 billion.",
    ),
    (
        "Trận động đất 7,8 độ richter khiến ít nhất 3.000 người thiệt mạng.",
        "The magnitude-7.8 earthquake killed at least 3,000 people.",
    ),
    (
        "Hai nước đã ký 12 thỏa thuận.",
        "The two countries signed a dozen agreements.",
    ),
    // News-style sentences.
    (
        "Ngày 14/2, Bộ Y tế ghi nhận 1.234 ca mắc mới.",
        "On February 14, the Ministry of Health recorded 1,234 new cases.",
    ),
    (
        "GDP quý III tăng 5,33% so với cùng kỳ.",
        "Third-quarter GDP grew 5.33% year-on-year.",
    ),
    (
        "Lãi suất giảm 0,5 điểm phần trăm xuống 4,5%.",
        "The interest rate was cut by 0.5 percentage points to 4.5%.",
    ),
    (
        "Vụ tai nạn khiến 3 người chết, 7 người bị thương.",
        "The accident killed three people and injured seven.",
    ),
    (
        "Tàu dài 333 m, rộng 77 m.",
        "The ship is 333 m long and 77 m wide.",
    ),
    (
        "Nhiệt độ có thể lên tới 40 độ C.",
        "Temperatures could reach 40 degrees Celsius.",
    ),
    (
        "Giá xăng RON 95 tăng 500 đồng/lít.",
        "The price of RON 95 gasoline rose by VND500 per liter.",
    ),
    ("Đội tuyển Việt Nam thắng 2-0.", "Vietnam won 2-0."),
    (
        "Năm 2023, kim ngạch xuất khẩu đạt 355,5 tỷ USD, giảm 4,4%.",
        "In 2023, exports reached $355.5 billion, down 4.4%.",
    ),
    (
        "Dân số Việt Nam đạt 100 triệu người.",
        "Vietnam's population reached 100 million.",
    ),
    (
        "Cơn bão số 3 đổ bộ vào Quảng Ninh.",
        "Typhoon Yagi made landfall in Quang Ninh.",
    ),
    ("Điều 5 Luật Đất đai", "Article 5 of the Land Law"),
    ("Nghị định 100/2019/NĐ-CP", "Decree 100/2019/ND-CP"),
    ("Quốc lộ 1A", "National Highway 1A"),
    ("Sư đoàn 308", "the 308th Division"),
    ("Khoảng 20h ngày 5/9", "At around 8 p.m. on September 5"),
    ("Hơn 1,2 triệu học sinh", "More than 1.2 million students"),
    ("trong 10 năm qua", "over the past decade"),
    ("tăng gấp 3 lần", "tripled"),
    ("tăng gấp đôi", "doubled"),
    ("hơn 50 năm", "more than half a century"),
    ("lần thứ 3 liên tiếp", "for a third consecutive time"),
    ("U23 Việt Nam", "Vietnam's U23 team"),
    ("đường dây 500 kV", "the 500kV line"),
    ("cậu bé 16 tuổi", "a 16-year-old boy"),
    ("Trong 24 giờ qua", "In the past 24 hours"),
    ("công suất 1.200 MW", "a capacity of 1,200MW"),
    (
        "Việt Nam là nước xuất khẩu gạo lớn thứ 2 thế giới.",
        "Vietnam is the world's second-largest rice exporter.",
    ),
    ("Thứ Hai (10/6)", "On Monday (June 10)"),
    ("từ ngày 1/7/2024", "from July 1, 2024"),
    ("cuối tháng 6", "in late June"),
    ("đầu năm 2024", "early 2024"),
    ("hồi tháng 3", "in March"),
    ("Boeing 787", "Boeing 787"),
    ("tốc độ 60km/h", "a speed of 60 km/h"),
    ("từ 10 đến 12/6", "from June 10 to 12"),
    ("ngày 10 và 12/6", "on 10 and 12 June"),
    ("giữa năm 2024", "mid-2024"),
    ("kế hoạch năm 2024", "2024's plan"),
    ("nhiệt độ 35-37 độ C", "temperatures of 35-37C"),
    ("Tháng 6, xuất khẩu tăng mạnh.", "June saw exports surge."),
    ("Ngày 30/4 - 1/5", "April 30 - May 1"),
    ("750.000 tỷ đồng", "VND750 trillion"),
    ("1,2 triệu tỷ đồng", "1.2 quadrillion dong"),
    ("500 nghìn đồng", "VND500,000"),
    ("1,5 tỷ USD", "$1.5bn"),
    ("từ 8h đến 17h", "from 8 a.m. to 5 p.m."),
    ("từ 2 - 3 ngày", "2-3 days"),
    ("tỷ lệ 1/3", "one-third"),
    ("Việt Nam thắng Indonesia 3-1", "Vietnam beat Indonesia 3-1"),
    ("âm 5 độ C", "minus 5 degrees Celsius"),
    ("-5 độ C", "-5C"),
    ("tháng 6 vừa qua", "last June"),
    ("1.000 tỷ đồng", "VND1 trillion ($40 million)"),
    (
        "1.000 tỷ đồng (khoảng 40 triệu USD)",
        "VND1 trillion (about $40 million)",
    ),
    ("1.000 tỷ đồng (khoảng 40 triệu USD)", "VND1 trillion"),
    ("tăng 20%", "rose by a fifth"),
    ("giảm một nửa", "fell 50%"),
    ("quý I", "the first quarter"),
    ("ngày 10, 11 và 12/6", "June 10, 11 and 12"),
    ("ngày 10, 11 và 12/6", "10, 11 and 12 June"),
    (
        "Ngày 14/2, 3 người chết.",
        "On February 14, three people died.",
    ),
    (
        "uống thuốc ngày 3 lần",
        "take the medicine three times a day",
    ),
    ("trong 12 tháng", "within a year"),
    ("trong 24 giờ", "within a day"),
    // Realistic news sentences, as a translator at a Vietnamese outlet would render them.
    (
        "GDP năm 2023 tăng 5,05%, thấp hơn mức 8,02% của năm 2022.",
        "Vietnam's GDP grew 5.05% in 2023, lower than the 8.02% of 2022.",
    ),
    (
        "Ngân hàng Nhà nước giảm lãi suất tái cấp vốn 0,5 điểm phần trăm xuống 4,5%.",
        "The State Bank cut the refinancing rate by 0.5 percentage point to 4.5%.",
    ),
    (
        "Bão Yagi, cơn bão mạnh nhất trong 30 năm, khiến ít nhất 299 người chết.",
        "Typhoon Yagi, the strongest storm in 30 years, killed at least 299 people.",
    ),
    (
        "TP HCM có hơn 9 triệu dân.",
        "Ho Chi Minh City has over 9 million residents.",
    ),
    (
        "Dự án có tổng vốn 10.000 tỷ đồng.",
        "The project costs VND10 trillion ($400 million).",
    ),
    (
        "Hôm thứ Hai, Bộ cho biết ghi nhận 1.234 ca trong 24 giờ qua.",
        "On Monday, the ministry said 1,234 cases were recorded over the past 24 hours.",
    ),
    (
        "Kim ngạch xuất khẩu 5 tháng đầu năm tăng 15,7% so với cùng kỳ, đạt 157,6 tỷ USD.",
        "Exports in the first five months rose 15.7% year-on-year to $157.6 billion.",
    ),
    (
        "Người đàn ông 72 tuổi được đưa đến bệnh viện lúc 3h sáng.",
        "The 72-year-old man was taken to hospital at 3 a.m.",
    ),
    (
        "Giá vàng tăng lên 80 triệu đồng một lượng hôm thứ Ba.",
        "Gold prices rose to VND80 million a tael on Tuesday.",
    ),
    (
        "Kỳ nghỉ Tết 2024 kéo dài 7 ngày, từ 8/2 đến 14/2.",
        "The 2024 Tet holiday lasts seven days, from Feb. 8 to 14.",
    ),
    (
        "Hơn 2.000 doanh nghiệp rút khỏi thị trường trong quý I.",
        "More than 2,000 firms left the market in the first quarter.",
    ),
    (
        "Hà Nội ghi nhận 40 độ C ngày 1/6.",
        "Hanoi recorded 40 degrees Celsius on June 1.",
    ),
    (
        "Cây cầu dài 1,5 km, vốn đầu tư 2.600 tỷ đồng.",
        "The bridge is 1.5 km long and cost VND2.6 trillion.",
    ),
    (
        "Việt Nam xếp thứ 46/132 nền kinh tế.",
        "Vietnam ranked 46th out of 132 economies.",
    ),
    (
        "Khoảng 100.000 người dự sự kiện tối thứ Bảy.",
        "Around 100,000 people attended the event on Saturday evening.",
    ),
    (
        "Mức phạt từ 5-10 triệu đồng.",
        "The fine ranges from VND5-10 million.",
    ),
    (
        "Học phí sẽ tăng 10-15% trong năm học 2024-2025.",
        "Tuition will rise by 10-15% in the 2024-2025 academic year.",
    ),
    (
        "Ông bị tuyên phạt 20 năm tù.",
        "He was sentenced to 20 years in prison.",
    ),
    (
        "Doanh thu của công ty đạt gần 1.000 tỷ đồng trong nửa đầu năm.",
        "The company's revenue reached nearly VND1,000 billion in the first half.",
    ),
    (
        "Đại hội XIII của Đảng diễn ra vào tháng 1/2021.",
        "The 13th National Party Congress took place in January 2021.",
    ),
    (
        "Các chuyến bay bị chậm 2-3 tiếng.",
        "Flights were delayed by two to three hours.",
    ),
    (
        "Khoảng 30% người được hỏi cho biết sẽ đi du lịch dịp lễ.",
        "Some 30% of respondents said they would travel during the holiday.",
    ),
    (
        "Tỷ giá 25.000 đồng đổi một USD là cao nhất từ trước đến nay.",
        "The rate of 25,000 dong per dollar is the highest ever.",
    ),
    (
        "Tuyến metro dài 19,7 km, có 14 ga.",
        "The metro line, 19.7 km long, has 14 stations.",
    ),
    (
        "Cảnh sát thu giữ 1,2 tấn ma túy.",
        "The police seized 1.2 tons of drugs.",
    ),
    (
        "Trận động đất có độ lớn 4,0 độ richter.",
        "The earthquake measured 4.0 on the Richter scale.",
    ),
    (
        "Đội U23 sẽ thi đấu trận đầu tiên vào ngày 17/4.",
        "The U23 team will play its first match on April 17.",
    ),
    (
        "Giá đã tăng gấp đôi trong 5 năm qua.",
        "Prices have doubled in the past five years.",
    ),
    (
        "Khách sạn 5 sao có giá khoảng 200 USD một đêm.",
        "A 5-star hotel costs about $200 a night.",
    ),
    (
        "Một nửa trong số 60 học sinh đã đỗ.",
        "Half of the 60 students passed.",
    ),
    (
        "Lễ hội diễn ra từ 18h đến 22h ngày 2/9.",
        "The festival runs from 6 p.m. to 10 p.m. on Sept. 2.",
    ),
    (
        "Hàng nghìn người đổ về bãi biển.",
        "Thousands of people flocked to the beach.",
    ),
    (
        "Đây là lần thứ ba trong năm giá xăng tăng.",
        "It is the third time this year that petrol prices have risen.",
    ),
    (
        "Gần 70% dân số ở độ tuổi lao động.",
        "Nearly 70% of the population is of working age.",
    ),
    (
        "Sân bay có công suất 25 triệu hành khách mỗi năm.",
        "The airport can handle 25 million passengers a year.",
    ),
    (
        "Vụ tai nạn xảy ra khoảng 22h30 tối thứ Sáu.",
        "The accident happened at around 10:30 p.m. on Friday.",
    ),
    (
        "Việt Nam có 54 dân tộc.",
        "Vietnam is home to 54 ethnic groups.",
    ),
    (
        "Giai đoạn 2020-2022, tỉnh trồng được 1 triệu cây xanh.",
        "In 2020-2022, the province planted 1 million trees.",
    ),
    ("Đội về nhì.", "The team finished second."),
    (
        "Hơn 80% công trình bị hư hại.",
        "Over 80 percent of the buildings were damaged.",
    ),
    (
        "Giá 15.000 đồng/kg.",
        "The price is 15,000 dong per kilogram.",
    ),
    (
        "9/10 người ủng hộ kế hoạch.",
        "Nine out of 10 people support the plan.",
    ),
    (
        "Cuộc họp kéo dài hai tiếng rưỡi.",
        "The meeting lasted two and a half hours.",
    ),
    (
        "Lạm phát được kiểm soát dưới 4%.",
        "Inflation was kept under 4%.",
    ),
    (
        "10 năm trước, con số này chỉ là 20%.",
        "A decade ago, the figure was just 20%.",
    ),
    (
        "Anh ghi hai bàn trong hiệp hai.",
        "He scored twice in the second half.",
    ),
    (
        "Dân số dự kiến đạt 100 triệu người vào năm 2025.",
        "The population is expected to reach 100 million by 2025.",
    ),
    (
        "Quy định mới có hiệu lực từ 1/7.",
        "The new rules take effect on July 1.",
    ),
    ("Lợi nhuận quý I tăng 30%.", "Q1 profit jumped 30%."),
    (
        "Mỹ áp thuế 46% với hàng hóa Việt Nam.",
        "The U.S. imposed a 46% tariff on Vietnamese goods.",
    ),
    // Harder renderings.
    ("Dịp nghỉ lễ 30/4-1/5", "the April 30-May 1 holiday"),
    ("dự án 1,5 tỷ USD", "the $1.5-billion project"),
    ("tăng trưởng 7%/năm", "7% annual growth"),
    ("lãi suất ở mức 9-11%/năm", "rates of 9-11% a year"),
    (
        "Khoảng 500.000 người sơ tán",
        "About half a million people evacuated",
    ),
    ("1/5 người trưởng thành", "one in five adults"),
    (
        "lương tối thiểu 4,96 triệu đồng/tháng",
        "a minimum wage of VND4.96 million per month",
    ),
    ("hơn 300 năm trước", "more than three centuries ago"),
    ("hai thập kỷ", "two decades"),
    ("hai thập kỷ", "20 years"),
    ("thập niên 1990", "the 1990s"),
    ("thập niên 90", "the '90s"),
    ("khoảng 1/3 dân số", "about a third of the population"),
    ("3/4 diện tích", "three quarters of the area"),
    ("Nghị định số 13/2023", "Decree No. 13/2023"),
    ("Thông tư 01/2024/TT-NHNN", "Circular 01/2024/TT-NHNN"),
    (
        "thiệt hại 677.000 tỷ đồng",
        "losses of VND677 trillion ($27 billion)",
    ),
    (
        "đường sắt dài 1.541 km, vốn 67 tỷ USD",
        "the 1,541-km railway will cost $67 billion",
    ),
    ("SEA Games 31", "the 31st SEA Games"),
    (
        "kỷ niệm 70 năm Chiến thắng Điện Biên Phủ",
        "the 70th anniversary of the Dien Bien Phu victory",
    ),
    ("chiến dịch 56 ngày đêm", "the 56-day campaign"),
    ("lúc 0h", "at midnight"),
    ("12h trưa", "at noon"),
    ("Thứ Sáu ngày 13", "Friday the 13th"),
    ("cao 828 m", "the 828-meter-tall tower"),
    (
        "Chỉ số VN-Index tăng 12,5 điểm lên 1.280 điểm.",
        "The VN-Index rose 12.5 points to 1,280.",
    ),
    ("lượng mưa 200-300 mm", "rainfall of 200-300 mm"),
    ("gió giật cấp 14", "gusts of level 14"),
    (
        "tâm bão ở 20,5 độ vĩ Bắc",
        "the storm's eye was at 20.5 degrees north latitude",
    ),
    ("hàng triệu người", "millions of people"),
    ("khoảng 6.000 km2", "about 6,000 square kilometers"),
    ("giảm 50%", "halved"),
    ("Tôi có hai con mèo.", "I have two cats."),
    ("Tôi không biết.", "I don't know."),
    ("Một ngày nọ, ba tôi về.", "One day, my dad came home."),
];

#[test]
fn clean_pairs_yield_no_issue() {
    let mut failures = Vec::new();
    for &(src, tgt) in CLEAN {
        let (s, t, issues) = check(src, tgt);
        if !issues.is_empty() {
            failures.push(format!(
                "{src:?} ⇔ {tgt:?}\n  {issues:#?}\n  source {s:#?}\n  target {t:#?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} false positives:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Wrong renderings: exactly one issue, of this rule, naming this pair.
struct Flag {
    src: &'static str,
    tgt: &'static str,
    rule: NumberRule,
    /// Text of the source mention, "" when the issue has none.
    src_text: &'static str,
    /// Text of the target mention, "" when the issue has none.
    tgt_text: &'static str,
    suggestion: Option<&'static str>,
}

const fn flag(
    src: &'static str,
    tgt: &'static str,
    rule: NumberRule,
    src_text: &'static str,
    tgt_text: &'static str,
    suggestion: Option<&'static str>,
) -> Flag {
    Flag {
        src,
        tgt,
        rule,
        src_text,
        tgt_text,
        suggestion,
    }
}

use NumberRule::{Date as D, Extra as X, Format as F, Mismatch as M, Missing as Mi, Unit as U};

const FLAGGED: &[Flag] = &[
    flag(
        "Khoảng 1 triệu người sơ tán",
        "About half a million people evacuated",
        M,
        "1 triệu",
        "half a million",
        Some("1 million"),
    ),
    flag(
        "lãi suất 9-11%/năm",
        "rates of 19-21% a year",
        M,
        "9-11%/năm",
        "19-21%",
        Some("9-11%"),
    ),
    // From the issue.
    flag(
        "40.000 container",
        "4,000 containers",
        M,
        "40.000",
        "4,000",
        Some("40,000"),
    ),
    flag(
        "gói trừng phạt thứ 13",
        "the third sanctions package",
        M,
        "thứ 13",
        "third",
        Some("13th"),
    ),
    flag("4/8", "April 8", D, "4/8", "April 8", Some("August 4")),
    // A year range ending in the date's year must not hide the swap.
    flag(
        "Trong giai đoạn 2017-2022, Latvia tăng 5%. Từ ngày 4/8/2022, lương tăng 6,9%.",
        "In the 2017-2022 period, Latvia grew 5%. From April 8, 2022, wages rose 6.9%.",
        D,
        "4/8/2022",
        "April 8, 2022",
        Some("August 4, 2022"),
    ),
    flag("15/3", "March 16", D, "15/3", "March 16", Some("March 15")),
    flag(
        "45,2 tỷ USD",
        "$45.2 million",
        M,
        "45,2 tỷ USD",
        "$45.2 million",
        Some("$45.2 billion"),
    ),
    flag("12,6%", "1.26%", M, "12,6%", "1.26%", Some("12.6%")),
    flag("bốn tàu", "three ships", M, "bốn", "three", Some("4")),
    flag("ba mươi lăm", "53", M, "ba mươi lăm", "53", Some("35")),
    flag("năm 1995", "1959", M, "năm 1995", "1959", Some("1995")),
    flag(
        "hơn 5.000",
        "more than 5.000",
        F,
        "5.000",
        "5.000",
        Some("5,000"),
    ),
    flag("2,5%", "2,5%", F, "2,5%", "2,5%", Some("2.5%")),
    // Our own.
    flag("4/8", "8 April", D, "4/8", "8 April", Some("4 August")),
    flag(
        "ngày 14/2",
        "February 15",
        D,
        "14/2",
        "February 15",
        Some("February 14"),
    ),
    flag(
        "tháng 5/2022",
        "May 2021",
        D,
        "tháng 5/2022",
        "May 2021",
        Some("May 2022"),
    ),
    flag(
        "7-8/9",
        "September 7-9",
        D,
        "7-8/9",
        "September 7-9",
        Some("September 7-8"),
    ),
    flag("4/8", "4/8", F, "4/8", "4/8", Some("August 4")),
    flag(
        "25.000 người",
        "2,500 people",
        M,
        "25.000",
        "2,500",
        Some("25,000"),
    ),
    flag(
        "15h45",
        "3:45 a.m.",
        M,
        "15h45",
        "3:45 a.m.",
        Some("3:45 p.m."),
    ),
    flag(
        "45,2 tỷ USD",
        "45.2 billion yuan",
        U,
        "45,2 tỷ USD",
        "45.2 billion yuan",
        Some("$45.2 billion"),
    ),
    flag(
        "0,25 điểm phần trăm",
        "0.25%",
        M,
        "0,25 điểm phần trăm",
        "0.25%",
        Some("0.25 percentage points"),
    ),
    flag(
        "2.500 tỷ USD",
        "$2.5 billion",
        M,
        "2.500 tỷ USD",
        "$2.5 billion",
        Some("$2.5 trillion"),
    ),
    flag(
        "thế kỷ XXI",
        "the 20th century",
        M,
        "thế kỷ XXI",
        "20th",
        Some("21st"),
    ),
    flag(
        "2019-2023",
        "2019-2022",
        M,
        "2019-2023",
        "2019-2022",
        Some("2019-2023"),
    ),
    flag(
        "lần thứ 32",
        "the 23rd time",
        M,
        "thứ 32",
        "23rd",
        Some("32nd"),
    ),
    flag(
        "hai mươi lăm nghìn",
        "2,500",
        M,
        "hai mươi lăm nghìn",
        "2,500",
        Some("25,000"),
    ),
    flag(
        "1.234.567 người",
        "1.234.567 people",
        F,
        "1.234.567",
        "1.234.567",
        Some("1,234,567"),
    ),
    flag(
        "1,5 triệu",
        "1,5 million",
        F,
        "1,5 triệu",
        "1,5 million",
        Some("1.5 million"),
    ),
    flag(
        "Công ty có 25.000 nhân viên và 300 cửa hàng.",
        "The company has 25,000 employees and shops.",
        Mi,
        "300",
        "",
        Some("300"),
    ),
    flag(
        "Công ty có nhiều nhân viên.",
        "The company has 4,000 employees.",
        X,
        "",
        "4,000",
        None,
    ),
    flag(
        "Ngày 14/2, hơn 5.000 người tham gia, tăng 12,6%.",
        "On February 14, more than 5,000 people took part, up 1.26%.",
        M,
        "12,6%",
        "1.26%",
        Some("12.6%"),
    ),
    flag(
        "Dự án có 3 giai đoạn, mỗi giai đoạn 12 tháng.",
        "The project has three phases of 18 months each.",
        M,
        "12",
        "18",
        Some("12 months"),
    ),
    flag(
        "quý I",
        "the second quarter",
        M,
        "quý I",
        "second",
        Some("1st"),
    ),
    flag(
        "tăng 20%",
        "rose by a quarter",
        M,
        "20%",
        "a quarter",
        Some("20%"),
    ),
    flag(
        "lần thứ tư",
        "for the fifth time",
        M,
        "thứ tư",
        "fifth",
        Some("4th"),
    ),
    flag("thứ 12", "21st", M, "thứ 12", "21st", Some("12th")),
    flag(
        "2,7 triệu",
        "2.7 billion",
        M,
        "2,7 triệu",
        "2.7 billion",
        Some("2.7 million"),
    ),
    flag(
        "7.000 tỷ đồng",
        "7 billion dong",
        M,
        "7.000 tỷ đồng",
        "7 billion dong",
        Some("7 trillion dong"),
    ),
    flag(
        "15h45",
        "4:45 p.m.",
        M,
        "15h45",
        "4:45 p.m.",
        Some("3:45 p.m."),
    ),
    flag(
        "tháng 11",
        "in December",
        D,
        "tháng 11",
        "December",
        Some("November"),
    ),
    flag(
        "5 triệu bảng",
        "5 million dollars",
        U,
        "5 triệu bảng",
        "5 million dollars",
        Some("£5 million"),
    ),
    flag(
        "giai đoạn 2019-2023",
        "since 2019",
        Mi,
        "2019-2023",
        "",
        Some("2019-2023"),
    ),
    flag(
        "Việt Nam xếp thứ 46/132",
        "Vietnam ranked 64th out of 132",
        M,
        "46/132",
        "64th",
        Some("46 out of 132"),
    ),
];

#[test]
fn flagged_pairs_name_the_right_pair() {
    let mut failures = Vec::new();
    for f in FLAGGED {
        let (s, t, issues) = check(f.src, f.tgt);
        let text = |ms: &[Mention], k: Option<usize>| {
            k.and_then(|k| ms.get(k))
                .map_or("", |m| m.text.as_str())
                .to_string()
        };
        let ok = issues.len() == 1 && {
            let x = &issues[0];
            x.rule == f.rule
                && text(&s, x.source) == f.src_text
                && text(&t, x.target) == f.tgt_text
                && x.suggestion.as_deref() == f.suggestion
                && !x.message.is_empty()
        };
        if !ok {
            failures.push(format!(
                "{:?} ⇔ {:?}: want {:?} {:?}/{:?} {:?}\n  got {issues:#?}\n  source {s:#?}\n  target {t:#?}",
                f.src, f.tgt, f.rule, f.src_text, f.tgt_text, f.suggestion
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn messages_quote_both_sides() {
    let (_, _, issues) = check("gói trừng phạt thứ 13", "the third sanctions package");
    assert_eq!(issues[0].rule.id(), "number.mismatch");
    assert!(
        issues[0].message.contains("thứ 13"),
        "{}",
        issues[0].message
    );
    assert!(issues[0].message.contains("third"), "{}", issues[0].message);
    let (_, _, issues) = check("4/8", "April 8");
    assert_eq!(issues[0].rule.id(), "number.date");
    assert!(
        issues[0].message.contains("swapped"),
        "{}",
        issues[0].message
    );
}

#[test]
fn language_registry() {
    assert_eq!(language("vi").map(|l| l.code()), Some("vi"));
    assert_eq!(language("en").map(|l| l.code()), Some("en"));
    assert!(language("fr").is_none());
}

#[test]
fn arbitrary_input_never_panics() {
    let (Some(vi), Some(en)) = (language("vi"), language("en")) else {
        panic!("languages are registered");
    };
    let nasty = [
        "",
        " ",
        "\n\n",
        "-",
        "/",
        "%",
        "$",
        "1/",
        "/1",
        "1-",
        "-1",
        "1.",
        ".1",
        "1,,2",
        "1..2",
        "99999999999999999999999999999999999",
        "1e400",
        "thứ",
        "tháng",
        "ngày",
        "năm",
        "quý",
        "hàng",
        "thế kỷ",
        "May",
        "a",
        "the 0th of February",
        "31/2",
        "0/0",
        "00/00/0000",
        "24:60",
        "99h99",
        "Q0",
        "Q9",
        "$",
        "US$",
        "€€5",
        "5%%",
        "đ",
        "🎉5🎉",
        "5\u{301}",
        "ﬁve",
        "١٢٣",
        "MMMMCMXCIX",
        "hai mươi mươi",
        "trăm trăm",
        "một nghìn nghìn",
        "lẻ",
        "phẩy",
        "không phẩy",
        "twenty-",
        "-twenty",
        "a hundred and",
        "one million,",
        "thousand million billion",
        "June 40",
        "40-12 June",
        "10-",
        "2019-",
        "1.000-",
        "$-5",
        "7-8/",
        "/9",
        "10/6-",
        "II/",
        "quý II/",
        "quý II/99999",
    ];
    let mut joined = String::new();
    for s in nasty {
        joined.push_str(s);
        joined.push(' ');
        for text in [s, joined.as_str()] {
            let a = vi.extract(text);
            let b = en.extract(text);
            for m in a.iter().chain(b.iter()) {
                assert_eq!(&text[m.span.clone()], m.text);
            }
            let _ = compare(&a, &b, vi, en);
            let _ = compare(&b, &a, en, vi);
            for m in &a {
                let _ = vi.render(&m.value, m.kind);
                let _ = en.render(&m.value, m.kind);
            }
        }
    }
    // A long block of many numbers stays fast and consistent.
    let long: String = (1..61).map(|i| format!("{i}.000 người, ")).collect();
    let a = vi.extract(&long);
    let b = en.extract(&long.replace('.', ","));
    assert_eq!(a.len(), 60);
    assert!(compare(&a, &b, vi, en).is_empty());
}

/// Changing a digit of a correct translation must be caught: for every
/// clean pair, bump the first digit inside a non-vague target number.
#[test]
fn mutated_clean_pairs_are_flagged() {
    // Pairs whose source is itself vague or hedged, so a nearby value is
    // still a faithful rendering.
    const TOLERANT: &[&str] = &["hàng chục người"];
    let (Some(vi), Some(en)) = (language("vi"), language("en")) else {
        panic!("languages are registered");
    };
    let mut failures = Vec::new();
    let mut tried = 0;
    for &(src, tgt) in CLEAN {
        if TOLERANT.contains(&src) {
            continue;
        }
        let s = vi.extract(src);
        let t = en.extract(tgt);
        let Some(pos) = t
            .iter()
            .filter(|m| m.strength != Strength::Vague)
            .find_map(|m| {
                tgt[m.span.clone()]
                    .find(|c: char| c.is_ascii_digit())
                    .map(|p| m.span.start + p)
            })
        else {
            continue;
        };
        let d = tgt.as_bytes()[pos] - b'0';
        let mut mutated = tgt.to_string();
        mutated.replace_range(pos..pos + 1, &((d + 1) % 10).to_string());
        tried += 1;
        let t2 = en.extract(&mutated);
        if compare(&s, &t2, vi, en).is_empty() {
            failures.push(format!("{src:?} ⇔ {mutated:?}"));
        }
    }
    assert!(tried > 80, "only {tried} mutations");
    assert!(
        failures.is_empty(),
        "{} mutations missed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A deterministic fuzz: random strings glued from number-ish fragments,
/// separators and odd Unicode must never panic, spans must be char
/// boundaries that quote the text, and issue indices must be in range.
#[test]
fn fuzzed_text_keeps_the_invariants() {
    const FRAGMENTS: &[&str] = &[
        "thứ",
        "Hai",
        "tư",
        "năm",
        "mươi",
        "mười",
        "lăm",
        "linh",
        "lẻ",
        "trăm",
        "nghìn",
        "triệu",
        "tỷ",
        "phẩy",
        "rưỡi",
        "tháng",
        "ngày",
        "quý",
        "thế",
        "kỷ",
        "hàng",
        "vài",
        "phần",
        "điểm",
        "đồng",
        "USD",
        "đô",
        "la",
        "hơn",
        "khoảng",
        "one",
        "twenty",
        "first",
        "second",
        "third",
        "hundred",
        "thousand",
        "million",
        "and",
        "a",
        "dozen",
        "dozens",
        "of",
        "percent",
        "per",
        "cent",
        "June",
        "May",
        "Feb",
        "the",
        "to",
        "from",
        "p.m.",
        "a.m.",
        "o'clock",
        "Q3",
        "III",
        "XXI",
        "1",
        "2",
        "12",
        "31",
        "2023",
        "1998",
        "25.000",
        "2,5",
        "1.234,5",
        "1,234,567",
        "5.000",
        "14/2",
        "7-8/9",
        "10/6-12/6",
        "28-12-2023",
        "2019-2023",
        "15h45",
        "3:45",
        "$45.2",
        "US$",
        "€",
        "12,6%",
        "%",
        "-",
        "/",
        ",",
        ".",
        "(",
        ")",
        "'s",
        "Covid-19",
        "F-16",
        "5G",
        "\u{301}",
        "é",
        "🎉",
        "中",
        "\u{200b}",
        "ﬁ",
        "١٢",
        "0",
        "00",
        "99999999999999999999",
    ];
    const SEPARATORS: &[&str] = &[" ", " ", " ", "\n", "", "-", "/", ".", ","];
    let (Some(vi), Some(en)) = (language("vi"), language("en")) else {
        panic!("languages are registered");
    };
    let mut x: u64 = 0x5eed;
    let mut next = |n: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((x >> 33) as usize) % n
    };
    for _ in 0..4000 {
        let len = 1 + next(12);
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(FRAGMENTS[next(FRAGMENTS.len())]);
            s.push_str(SEPARATORS[next(SEPARATORS.len())]);
        }
        let a = vi.extract(&s);
        let b = en.extract(&s);
        for m in a.iter().chain(b.iter()) {
            assert!(
                s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end),
                "{s:?}"
            );
            assert_eq!(&s[m.span.clone()], m.text, "{s:?}");
        }
        for (src, tgt, sl, tl) in [(&a, &b, vi, en), (&b, &a, en, vi)] {
            for issue in compare(src, tgt, sl, tl) {
                assert!(issue.source.is_none_or(|k| k < src.len()), "{s:?}");
                assert!(issue.target.is_none_or(|k| k < tgt.len()), "{s:?}");
                assert!(issue.source.is_some() || issue.target.is_some());
            }
        }
    }
}

/// Long blocks (tables) switch to the greedy assignment and stay correct
/// on the easy cases: every value present once on both sides.
#[test]
fn long_blocks_use_the_greedy_assignment() {
    let (Some(vi), Some(en)) = (language("vi"), language("en")) else {
        panic!("languages are registered");
    };
    let src: String = (1..=300).map(|i| format!("{i}.500 tấn; ")).collect();
    let tgt: String = (1..=300)
        .rev()
        .map(|i| format!("{i},500 tonnes; "))
        .collect();
    let s = vi.extract(&src);
    let t = en.extract(&tgt);
    assert_eq!((s.len(), t.len()), (300, 300));
    assert!(compare(&s, &t, vi, en).is_empty());
    let wrong = tgt.replacen("17,500", "71,500", 1);
    let issues = compare(&s, &en.extract(&wrong), vi, en);
    assert!(!issues.is_empty());
}

/// A quantity rendered right and a look-alike rendered wrong: the right one
/// yields nothing, the wrong one exactly one issue of `rule` naming the pair.
struct LookAlike {
    src: &'static str,
    good: &'static str,
    bad: &'static str,
    rule: NumberRule,
    src_text: &'static str,
    tgt_text: &'static str,
    suggestion: &'static str,
}

const fn look_alike(
    src: &'static str,
    good: &'static str,
    bad: &'static str,
    rule: NumberRule,
    src_text: &'static str,
    tgt_text: &'static str,
    suggestion: &'static str,
) -> LookAlike {
    LookAlike {
        src,
        good,
        bad,
        rule,
        src_text,
        tgt_text,
        suggestion,
    }
}

/// The must-pass and must-flag lists of the quantities issue, each error
/// beside its correct look-alike, and many more of our own.
const QUANTITIES: &[LookAlike] = &[
    // Public lists: conversions within the written precision pass; the same
    // number in another unit, or a conversion off beyond rounding, does not.
    look_alike("5 km", "3 miles", "5 miles", U, "5", "5", "5 km"),
    look_alike("5 km", "3.1 miles", "8 miles", M, "5", "8", "3.11 miles"),
    look_alike("30 độ C", "86°F", "30°F", U, "30", "30°F", "30°C"),
    look_alike(
        "30 độ C",
        "86 degrees Fahrenheit",
        "90°F",
        M,
        "30",
        "90°F",
        "86°F",
    ),
    look_alike("30 độ C", "86 degrees", "40 degrees", M, "30", "40", "30°C"),
    look_alike("2 kg", "4.4 pounds", "2 pounds", U, "2", "2", "2 kg"),
    look_alike(
        "12 hải lý",
        "22 km",
        "12 km",
        U,
        "12",
        "12",
        "12 nautical miles",
    ),
    look_alike(
        "cách bờ 12 hải lý",
        "22 km offshore",
        "40 km offshore",
        M,
        "12",
        "40",
        "22.2 km",
    ),
    look_alike(
        "1.000 ha",
        "2,470 acres",
        "1,000 acres",
        U,
        "1.000",
        "1,000",
        "1,000 hectares",
    ),
    look_alike("100 m", "330 feet", "100 feet", U, "100", "100", "100 m"),
    look_alike("10 mét", "10 meters", "10 km", U, "10", "10", "10 m"),
    look_alike(
        "khoảng 10 mét",
        "about 33 feet",
        "around 10 km",
        U,
        "10",
        "10",
        "10 m",
    ),
    look_alike("2 tấn", "2,000 kg", "2 kg", U, "2", "2", "2 tons"),
    look_alike("2 tấn", "2 tonnes", "2 kg", U, "2", "2", "2 tons"),
    look_alike(
        "1,5 triệu tấn",
        "1.5 million tonnes",
        "1.5 million kg",
        U,
        "1,5 triệu",
        "1.5 million",
        "1.5 million tons",
    ),
    look_alike("60 km/h", "37 mph", "60 mph", U, "60", "60", "60 km/h"),
    look_alike(
        "40 lít",
        "10.5 gallons",
        "40 gallons",
        U,
        "40",
        "40",
        "40 liters",
    ),
    look_alike(
        "công suất 1.200 MW",
        "1.2 GW",
        "1,200 kW",
        U,
        "1.200",
        "1,200",
        "1,200 MW",
    ),
    look_alike("dung lượng 64 GB", "64GB", "64 MB", U, "64", "64", "64 GB"),
    look_alike(
        "ba tuần",
        "three weeks",
        "three months",
        U,
        "ba",
        "three",
        "3 weeks",
    ),
    look_alike(
        "ba ngày",
        "three days",
        "three weeks",
        U,
        "ba",
        "three",
        "3 days",
    ),
    look_alike(
        "30 phút",
        "half an hour",
        "30 seconds",
        U,
        "30",
        "30",
        "30 minutes",
    ),
    look_alike(
        "trong 12 tháng",
        "within a year",
        "within 12 weeks",
        U,
        "12",
        "12",
        "12 months",
    ),
    look_alike(
        "10-15 km",
        "6-9 miles",
        "10-15 miles",
        U,
        "10-15",
        "10-15",
        "10-15 km",
    ),
    // Currencies never convert.
    look_alike(
        "300 USD",
        "$300",
        "300 euros",
        U,
        "300 USD",
        "300 euros",
        "$300",
    ),
    look_alike(
        "500 đồng",
        "VND500",
        "500 cents",
        U,
        "500 đồng",
        "500 cents",
        "500 dong",
    ),
    look_alike(
        "200 yên", "200 yen", "200 won", U, "200 yên", "200 won", "200 yen",
    ),
    look_alike(
        "200 triệu euro",
        "€200 million",
        "$200 million",
        U,
        "200 triệu euro",
        "$200 million",
        "€200 million",
    ),
    // Pound: a weight after an amount, money after a scale word.
    look_alike(
        "5 triệu bảng Anh",
        "5 million pounds",
        "5 million dollars",
        U,
        "5 triệu bảng Anh",
        "5 million dollars",
        "£5 million",
    ),
    // Decades are their own kind.
    look_alike(
        "những năm 80",
        "the 1980s",
        "the 1970s",
        M,
        "năm 80",
        "1970s",
        "the '80s",
    ),
    look_alike(
        "những năm 80",
        "the '80s",
        "the 1970s",
        M,
        "năm 80",
        "1970s",
        "the '80s",
    ),
    look_alike(
        "thập niên 1960",
        "the sixties",
        "the seventies",
        M,
        "thập niên 1960",
        "seventies",
        "the 1960s",
    ),
    look_alike(
        "thập kỷ 90",
        "the nineties",
        "the 1980s",
        M,
        "thập kỷ 90",
        "1980s",
        "the '90s",
    ),
    look_alike(
        "vào năm 1971",
        "in '71",
        "in '72",
        M,
        "năm 1971",
        "72",
        "1971",
    ),
    // Years after a scale word.
    look_alike(
        "2,5 tỉ năm",
        "two and a half billion years",
        "2.5 million years",
        M,
        "2,5 tỉ",
        "2.5 million",
        "2.5 billion years",
    ),
    // Dozens and multipliers.
    look_alike(
        "3 tá",
        "three dozen",
        "two dozen",
        M,
        "3 tá",
        "two dozen",
        "36",
    ),
    look_alike("gấp ba", "three times", "twice", M, "gấp ba", "twice", "3"),
    // Times.
    look_alike(
        "7g30 sáng",
        "7:30 a.m.",
        "7:30 p.m.",
        M,
        "7g30 sáng",
        "7:30 p.m.",
        "7:30 a.m.",
    ),
    look_alike(
        "19h04",
        "7:04 p.m.",
        "7:40 p.m.",
        M,
        "19h04",
        "7:40 p.m.",
        "7:04 p.m.",
    ),
    look_alike(
        "19h4",
        "7:04 p.m.",
        "7:14 p.m.",
        M,
        "19h4",
        "7:14 p.m.",
        "7:04 p.m.",
    ),
    // Parts and sequels.
    look_alike(
        "Avatar phần 2",
        "Avatar II",
        "Avatar III",
        M,
        "2",
        "III",
        "2",
    ),
    // Ages and grades.
    look_alike(
        "5 tuổi",
        "five-year-old",
        "fifth grade",
        U,
        "5",
        "fifth",
        "5 years old",
    ),
    look_alike(
        "năm tuổi",
        "five years old",
        "fifth grade",
        U,
        "năm",
        "fifth",
        "5 years old",
    ),
    // Weekdays.
    look_alike(
        "thứ Hai",
        "Monday",
        "Tuesday",
        D,
        "thứ Hai",
        "Tuesday",
        "Monday",
    ),
    look_alike(
        "thứ 5", "Thursday", "Tuesday", D, "thứ 5", "Tuesday", "Thursday",
    ),
    look_alike(
        "vào thứ Năm",
        "on Thursday",
        "on Friday",
        D,
        "thứ Năm",
        "Friday",
        "Thursday",
    ),
    look_alike(
        "Thứ Hai (10/6)",
        "On Monday (June 10)",
        "On Tuesday (June 10)",
        D,
        "Thứ Hai",
        "Tuesday",
        "Monday",
    ),
    // Hedge direction.
    look_alike(
        "hơn 100 người",
        "more than 100 people",
        "fewer than 100 people",
        M,
        "100",
        "100",
        "more than 100",
    ),
    look_alike(
        "dưới 18 tuổi",
        "under 18",
        "over 18",
        M,
        "18",
        "18",
        "less than 18 years old",
    ),
    look_alike(
        "ít hơn 10 người",
        "fewer than 10 people",
        "more than 10 people",
        M,
        "10",
        "10",
        "less than 10",
    ),
    // Fractions: a share as a fraction word, a ratio, "one in N" or a
    // percent rounded to its precision; another share is a mismatch.
    look_alike(
        "một phần ba",
        "one in three",
        "one in four",
        M,
        "một phần ba",
        "one in four",
        "a third",
    ),
    look_alike(
        "một phần ba",
        "33%",
        "30%",
        M,
        "một phần ba",
        "30%",
        "33.3%",
    ),
    look_alike(
        "một phần ba",
        "a third",
        "a quarter",
        M,
        "một phần ba",
        "a quarter",
        "a third",
    ),
    look_alike(
        "1/3 bệnh nhân",
        "a third of patients",
        "a quarter of patients",
        M,
        "1/3",
        "a quarter",
        "a third",
    ),
    look_alike(
        "hai phần năm số phiếu",
        "two out of five votes",
        "two out of three votes",
        M,
        "hai phần năm",
        "two out of three",
        "two-fifths",
    ),
    // "pound" is money or weight by context: "of rice" weighs, a scale word
    // alone or "sterling" pays.
    look_alike(
        "500 bảng Anh",
        "£500",
        "500 pounds of rice",
        U,
        "500 bảng Anh",
        "500",
        "£500",
    ),
    look_alike(
        "500 triệu bảng Anh",
        "500 million pounds",
        "500 million pounds of rice",
        U,
        "500 triệu bảng Anh",
        "500 million",
        "£500 million",
    ),
    look_alike(
        "227 kg gạo",
        "500 pounds of rice",
        "500 kg of rice",
        M,
        "227",
        "500",
        "227 kg",
    ),
    look_alike(
        "227 triệu kg gạo",
        "500 million pounds of rice",
        "500 million pounds",
        M,
        "227 triệu",
        "500 million pounds",
        "227 million kg",
    ),
    // A weekday beside its date: the weekday the source gives.
    look_alike(
        "thứ Hai, 2/9/2024",
        "Monday, September 2, 2024",
        "Tuesday, September 2, 2024",
        D,
        "thứ Hai",
        "Tuesday",
        "Monday",
    ),
    // Issue 14 item 14: the end of a date range.
    look_alike(
        "từ ngày 19 đến 21/5",
        "from May 19 to 21",
        "May 19 to 12",
        D,
        "21/5",
        "12",
        "May 21",
    ),
];

/// Right renderings of quantities with no wrong look-alike of their own.
const QUANTITIES_CLEAN: &[(&str, &str)] = &[
    ("tỷ lệ thất nghiệp", "the unemployment rate"),
    ("từ 10 đến 15 km", "10-15 km"),
    ("500 đồng/lít", "VND500 per liter"),
    ("9-11%/năm", "9-11% a year"),
    ("tỷ lệ thất nghiệp 5%", "the unemployment rate of 5%"),
    ("ba triệu chứng", "three symptoms"),
    ("tỷ giá tăng", "the exchange rate rose"),
    ("một phần tư", "a quarter"),
    ("500 bảng Anh", "500 pounds sterling"),
    ("500 bảng Anh", "500 pounds"),
    ("500 kg gạo", "1,100 pounds of rice"),
    ("một phần ba", "one-third"),
    ("một phần ba dân số", "a third of the population"),
    ("1/3 bệnh nhân", "33% of patients"),
    ("1/5 người", "one in five people"),
    ("hai phần ba", "66.7%"),
    ("9/10 người", "nine out of 10 people"),
    ("3 trong 10 người", "three in 10 people"),
    (
        "trẻ dưới 5 tuổi ở 12 tỉnh",
        "children under 5 in 12 provinces",
    ),
    ("gấp đôi", "double"),
    ("hơn 2 tá loại nước", "more than two dozen kinds of water"),
    ("1 tỉ năm nữa", "another billion years"),
    ("một nghìn năm", "a thousand years"),
    ("2,5 tỉ năm", "2.5 billion years"),
    ("trong những năm 70", "in the mid-70s"),
    ("những năm 1990", "the nineties"),
    ("7 giờ tối", "7 p.m."),
    (
        "cậu bé 10 tuổi học lớp 5",
        "the 10-year-old boy in fifth grade",
    ),
    ("cây 100 năm tuổi", "a 100-year-old tree"),
    ("trong 24 giờ", "within 24 hours"),
    ("tốc độ 60 km/giờ", "a speed of 60 km/h"),
    ("vận tốc 50 dặm một giờ", "50 miles per hour"),
    ("cao 828 mét", "2,717 feet tall"),
    ("khoảng 50 người", "about 50 people"),
    ("hơn 50 người", "more than 50 people"),
    ("Chủ nhật", "Sunday"),
    ("hàng trăm người", "hundreds of people"),
    (
        "Họ ở đó trong tháng Hai.",
        "They were there in February, and it snowed in February.",
    ),
    ("Chúng ta có nó.", "We &#91;have&#93; it."),
];

#[test]
fn quantities_and_their_look_alikes() {
    let mut failures = Vec::new();
    for q in QUANTITIES {
        let (s, t, issues) = check(q.src, q.good);
        if !issues.is_empty() {
            failures.push(format!(
                "{:?} ⇔ {:?} (right): {issues:#?}\n  source {s:#?}\n  target {t:#?}",
                q.src, q.good
            ));
        }
        let (s, t, issues) = check(q.src, q.bad);
        let text = |ms: &[Mention], k: Option<usize>| {
            k.and_then(|k| ms.get(k))
                .map_or("", |m| m.text.as_str())
                .to_string()
        };
        let ok = issues.len() == 1 && {
            let x = &issues[0];
            x.rule == q.rule
                && text(&s, x.source) == q.src_text
                && text(&t, x.target) == q.tgt_text
                && x.suggestion.as_deref() == Some(q.suggestion)
        };
        if !ok {
            failures.push(format!(
                "{:?} ⇔ {:?} (wrong): want {:?} {:?}/{:?} {:?}\n  got {issues:#?}\n  source {s:#?}\n  target {t:#?}",
                q.src, q.bad, q.rule, q.src_text, q.tgt_text, q.suggestion
            ));
        }
    }
    for &(src, tgt) in QUANTITIES_CLEAN {
        let (s, t, issues) = check(src, tgt);
        if !issues.is_empty() {
            failures.push(format!(
                "{src:?} ⇔ {tgt:?}: {issues:#?}\n  source {s:#?}\n  target {t:#?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn vague_quantities_an_order_of_magnitude_apart() {
    for (src, tgt, flagged) in [
        ("hàng chục người", "thousands of people", true),
        ("hàng chục người", "dozens of people", false),
        ("hàng trăm người", "hundreds of people", false),
        ("hàng nghìn người", "hundreds of people", true),
        ("hàng nghìn người", "thousands of people", false),
        ("hàng triệu người", "millions of people", false),
        ("hàng triệu người", "thousands of people", true),
        // An age by its order of magnitude: "năm" after the scale is years.
        ("cây hàng trăm năm tuổi", "a thousand-year-old tree", true),
        ("cây hàng trăm năm tuổi", "a centuries-old tree", false),
        (
            "cây hàng trăm năm tuổi",
            "a tree hundreds of years old",
            false,
        ),
        ("cây hàng nghìn năm tuổi", "a thousand-year-old tree", false),
        ("cây nghìn năm tuổi", "a thousand-year-old tree", false),
        ("hàng trăm năm", "for centuries-old reasons", false),
        // Two on each side: which goes with which is a guess.
        (
            "hàng chục nhà và hàng trăm xe",
            "thousands of houses and millions of cars",
            false,
        ),
    ] {
        let (_, _, issues) = check(src, tgt);
        let got = issues.iter().any(|x| x.rule == NumberRule::Magnitude);
        assert_eq!(got, flagged, "{src:?} ⇔ {tgt:?}: {issues:#?}");
        assert!(
            issues.iter().all(|x| x.rule == NumberRule::Magnitude),
            "{issues:#?}"
        );
    }
}

#[test]
fn unit_messages_name_both_quantities() {
    let (_, _, issues) = check("10 mét", "10 km");
    assert_eq!(issues[0].rule.id(), "number.unit");
    assert!(issues[0].message.contains("10 m)"), "{}", issues[0].message);
    assert!(
        issues[0].message.contains("10 km)"),
        "{}",
        issues[0].message
    );
    // A conversion off beyond rounding shows what it converts to.
    let (_, _, issues) = check("5 km", "8 miles");
    assert!(
        issues[0].message.contains("which is 12.9 km"),
        "{}",
        issues[0].message
    );
    let (_, _, issues) = check("200 yên", "200 won");
    assert!(
        issues[0].message.contains("JPY to KRW"),
        "{}",
        issues[0].message
    );
}
