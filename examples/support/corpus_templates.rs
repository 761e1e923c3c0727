//! Sentence templates for `gen_corpus`: Vietnamese news sentences with their
//! faithful English translations, written for this project in a neutral
//! public-fact style (no real quotes, no copied text).
//!
//! Placeholders, the same set on both sides of a pair (order may differ):
//!
//! * `{p}` `{p2}` a person, `{l}` `{l2}` a place, `{o}` `{o2}` an
//!   organisation, `{t}` `{t2}` a term — drawn from the article's cast of
//!   default-glossary entries of that kind, preferred form per language.
//! * `{e:ID}` the default-glossary entry with that id (preferred forms).
//! * `{@o}`, `{@l}` (English side only): the name with "the" when English
//!   needs one ("the World Bank", "the Philippines", but "NATO", "Japan").
//! * Numbers, each rendered per language so the checker reads the same
//!   value on both sides: `small` (2–9), `count`, `thousands`, `big`
//!   (millions), `anniv`, `dec`, `mag` (earthquake magnitude), `idx`
//!   (stock index), `temp` (°C), `km`, `pct`, `share` (40–99.5%), `pp`
//!   (percentage points), `prange` (percent range), `usd`, `vnd`, `wage`
//!   and `gold` (VND), `date` (day/month), `fulldate`, `my` (month/year),
//!   `year`, `fyear` (a target year ahead), `ord`, `time`, `yrange`,
//!   `drange`, `score`.
//!   A trailing digit (`{pct2}`) is a second, independent value.
//!
//! Sentences carry no other numbers and no glossary vocabulary outside
//! placeholders, so that every number and every glossary entry in the
//! corpus is known to the generator and can be broken on purpose.

/// One Vietnamese sentence and its English translation.
pub type Pair = (&'static str, &'static str);

/// The sentences of one news desk; an article mixes one desk's sentences
/// with the general ones.
pub struct Topic {
    pub name: &'static str,
    pub headlines: &'static [Pair],
    pub body: &'static [Pair],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        name: "politics",
        headlines: &[
            (
                "{e:national-assembly} thông qua {e:resolution} về {t}",
                "{e:national-assembly} adopts {e:resolution} on {t}",
            ),
            (
                "Kỳ họp {ord} khai mạc ngày {date}",
                "{ord} session opens on {date}",
            ),
        ],
        body: &[
            (
                "Ngày {date}, {e:national-assembly} đã thông qua {e:resolution} về {t} với {share} số đại biểu có mặt tán thành.",
                "On {date}, the {e:national-assembly} adopted a {e:resolution} on {t}, with {share} of the deputies present voting in favour.",
            ),
            (
                "Phát biểu tại phiên họp, {p} nhấn mạnh {t} là nhiệm vụ trọng tâm của cả hệ thống chính trị trong giai đoạn {yrange}.",
                "Speaking at the session, {p} stressed that {t} is a key task for the whole political system in the {yrange} period.",
            ),
            (
                "Kỳ họp {ord} dự kiến khai mạc lúc {time} ngày {date} và kéo dài {count} ngày.",
                "The {ord} session is scheduled to open at {time} on {date} and to last {count} days.",
            ),
            (
                "Theo {o}, cử tri tại {l} đã gửi {count} ý kiến, kiến nghị liên quan đến {t} kể từ {my}.",
                "According to {@o}, voters in {@l} have submitted {count} opinions and petitions on {t} since {my}.",
            ),
            (
                "Cuộc {e:election} được tổ chức vào {e:sunday}, ngày {date}, với tỷ lệ cử tri đi bầu đạt {share}.",
                "The {e:election} was held on {e:sunday}, {date}, with a turnout of {share}.",
            ),
            (
                "{p} đề nghị các bộ, ngành khẩn trương hoàn thiện dự thảo {e:decree} hướng dẫn {t} trước ngày {date}.",
                "{p} asked ministries and agencies to finalise the draft {e:decree} on {t} before {date}.",
            ),
            (
                "Trong phiên thảo luận chiều {date}, {count} đại biểu đã đăng ký phát biểu về {t} và {t2}.",
                "During the debate on the afternoon of {date}, {count} deputies registered to speak on {t} and {t2}.",
            ),
        ],
    },
    Topic {
        name: "economy",
        headlines: &[
            ("{e:gdp} {year} tăng {pct}", "{e:gdp} grows {pct} in {year}"),
            (
                "{l} thu hút {usd} vốn {e:fdi}",
                "{l} attracts {usd} in {e:fdi}",
            ),
            (
                "{e:state-bank-of-vietnam} giảm {e:interest-rate} thêm {pp}",
                "{e:state-bank-of-vietnam} cuts {e:interest-rate} by {pp}",
            ),
        ],
        body: &[
            (
                "Theo {e:general-statistics-office}, {e:gdp} {year} tăng {pct}, cao hơn mục tiêu {pct2} do {e:national-assembly} đề ra.",
                "According to the {e:general-statistics-office}, {e:gdp} grew {pct} in {year}, above the {pct2} target set by the {e:national-assembly}.",
            ),
            (
                "{e:export-turnover} của {l} trong {my} ước đạt {usd}, tăng {pct} so với cùng kỳ.",
                "The {e:export-turnover} of {@l} in {my} is estimated at {usd}, up {pct} year-on-year.",
            ),
            (
                "{e:state-bank-of-vietnam} quyết định giảm {e:interest-rate} điều hành thêm {pp}, xuống còn {pct}, có hiệu lực từ ngày {date}.",
                "The {e:state-bank-of-vietnam} decided to cut its policy {e:interest-rate} by a further {pp} to {pct}, effective from {date}.",
            ),
            (
                "{e:cpi} bình quân giai đoạn {yrange} tăng {pct}, trong khi {e:inflation} cơ bản ở mức {pct2}.",
                "The {e:cpi} rose by an average of {pct} over {yrange}, while core {e:inflation} stood at {pct2}.",
            ),
            (
                "Trong {year}, {l} thu hút {usd} vốn {e:fdi}, chủ yếu vào lĩnh vực {t} và {t2}.",
                "In {year}, {@l} attracted {usd} in {e:fdi}, mainly in {t} and {t2}.",
            ),
            (
                "{o} cho biết đã rót {vnd} vào {count} dự án {t} tại {l} kể từ {my}.",
                "{@o} said it had invested {vnd} in {count} {t} projects in {@l} since {my}.",
            ),
            (
                "Chỉ số {e:vn-index} đóng cửa phiên {date} ở mức {idx} điểm, tăng {pct} so với phiên trước.",
                "The {e:vn-index} closed at {idx} on {date}, up {pct} from the previous session.",
            ),
            (
                "Tại {e:shareholders-meeting} thường niên tổ chức ngày {date}, {o} đặt mục tiêu doanh thu {vnd} và lợi nhuận trước thuế {vnd2}.",
                "At its annual {e:shareholders-meeting} on {date}, {@o} set targets of {vnd} in revenue and {vnd2} in pre-tax profit.",
            ),
            (
                "Giá vàng miếng trong nước sáng {date} được niêm yết ở mức {gold} mỗi lượng.",
                "Domestic gold bars were listed at {gold} per tael on the morning of {date}.",
            ),
        ],
    },
    Topic {
        name: "weather",
        headlines: &[
            (
                "{e:storm} gây thiệt hại {vnd} tại {l}",
                "{e:storm} causes {vnd} in damage in {l}",
            ),
            (
                "{e:earthquake} mạnh {mag} độ richter tại {l}",
                "Magnitude-{mag} {e:earthquake} hits {l}",
            ),
        ],
        body: &[
            (
                "Lúc {time} ngày {date}, tâm {e:storm} cách {l} khoảng {km} km về phía đông.",
                "At {time} on {date}, the centre of the {e:storm} was about {km} km east of {@l}.",
            ),
            (
                "Lượng mưa đo được tại {l} từ ngày {drange} lên tới {count} mm, cao nhất kể từ {year}.",
                "Rainfall measured in {@l} from {drange} reached {count} mm, the highest since {year}.",
            ),
            (
                "{e:flood} và {e:landslide} đã làm {count} người thiệt mạng, {thousands} ngôi nhà bị hư hại, thiệt hại ước tính {vnd}.",
                "{e:flood}s and {e:landslide}s killed {count} people and damaged {thousands} houses, with losses estimated at {vnd}.",
            ),
            (
                "Nhiệt độ cao nhất tại {l} ngày {date} lên tới {temp} độ C.",
                "The highest temperature in {@l} on {date} reached {temp} degrees Celsius.",
            ),
            (
                "Trận {e:earthquake} mạnh {mag} độ richter xảy ra lúc {time} ngày {date}, tâm chấn ở độ sâu {km} km.",
                "The magnitude-{mag} {e:earthquake} struck at {time} on {date}, with its epicentre at a depth of {km} km.",
            ),
            (
                "Cơ quan khí tượng cho biết {e:tropical-depression} có khả năng mạnh lên thành bão trước ngày {date}.",
                "The meteorological agency said the {e:tropical-depression} could strengthen into a storm before {date}.",
            ),
            (
                "Tại {e:hanoi}, {count} điểm ngập đã được ghi nhận sau trận mưa lớn chiều {date}.",
                "In {e:hanoi}, {count} flooded spots were recorded after heavy rain on the afternoon of {date}.",
            ),
        ],
    },
    Topic {
        name: "sport",
        headlines: &[
            (
                "Đội tuyển {l} thắng {score}",
                "{l} national team wins {score}",
            ),
            (
                "{l} giành huy chương vàng lần {ord}",
                "{l} wins gold for the {ord} time",
            ),
        ],
        body: &[
            (
                "Đội tuyển {l} giành chiến thắng {score} trong trận đấu bắt đầu lúc {time} ngày {date}.",
                "The {l} national team won {score} in a match that kicked off at {time} on {date}.",
            ),
            (
                "Đây là lần {ord} {l} giành huy chương vàng tại {e:sea-games}, sau {small} kỳ đại hội tham dự.",
                "It was the {ord} time {@l} had won gold at the {e:sea-games}, after taking part in {small} editions.",
            ),
            (
                "Vận động viên {p} về đích với thời gian {dec} giây, phá kỷ lục tồn tại từ {year}.",
                "{p} crossed the line in {dec} seconds, breaking a record that had stood since {year}.",
            ),
            (
                "Khoảng {thousands} khán giả đã có mặt trên sân để theo dõi trận chung kết {e:world-cup}.",
                "About {thousands} spectators were at the stadium to watch the {e:world-cup} final.",
            ),
            (
                "{o} cho biết giải đấu năm nay có tổng giá trị giải thưởng {usd}, tăng {pct} so với mùa trước.",
                "{@o} said this year's tournament carries total prize money of {usd}, up {pct} from last season.",
            ),
        ],
    },
    Topic {
        name: "health",
        headlines: &[
            (
                "{e:ministry-of-health} ghi nhận {count} ca mắc mới",
                "{e:ministry-of-health} records {count} new cases",
            ),
            (
                "Tỷ lệ bao phủ {e:vaccine} tại {l} đạt {share}",
                "{e:vaccine} coverage in {l} reaches {share}",
            ),
        ],
        body: &[
            (
                "Trong ngày {date}, {e:ministry-of-health} ghi nhận {thousands} ca mắc mới, trong đó {count} ca tại {l}.",
                "On {date}, the {e:ministry-of-health} recorded {thousands} new cases, {count} of them in {@l}.",
            ),
            (
                "Tỷ lệ bao phủ {e:vaccine} tại {l} đạt {share}, vượt mục tiêu {share2} đề ra cho {year}.",
                "{e:vaccine} coverage in {@l} reached {share}, exceeding the {share2} target set for {year}.",
            ),
            (
                "Theo {o}, chi phí điều trị trung bình cho mỗi bệnh nhân là {vnd}, cao hơn {pct} so với {year}.",
                "According to {@o}, the average treatment cost per patient is {vnd}, {pct} higher than in {year}.",
            ),
            (
                "{p} cho biết hệ thống y tế cơ sở tại {l} cần thêm {count} bác sĩ và {big} liều thuốc trong {year}.",
                "{p} said the grassroots health system in {@l} needs {count} more doctors and {big} doses of medicine in {year}.",
            ),
            (
                "Sau {e:pandemic}, số lượt khám chữa bệnh tại các cơ sở công lập trong {my} đã tăng {pct} so với cùng kỳ.",
                "After the {e:pandemic}, visits to public health facilities in {my} rose {pct} year-on-year.",
            ),
        ],
    },
    Topic {
        name: "diplomacy",
        headlines: &[
            ("{p} thăm chính thức {l}", "{p} pays official visit to {l}"),
            (
                "{e:vietnam} và {l} nâng cấp quan hệ lên {e:comprehensive-strategic-partnership}",
                "{e:vietnam} and {l} upgrade ties to {e:comprehensive-strategic-partnership}",
            ),
        ],
        body: &[
            (
                "Nhận lời mời của {p}, {p2} thăm chính thức {l} từ ngày {drange}.",
                "At the invitation of {p}, {p2} is paying an official visit to {@l} from {drange}.",
            ),
            (
                "Hai bên nhất trí nâng cấp quan hệ lên {e:comprehensive-strategic-partnership}, hướng tới mục tiêu {e:trade-turnover} đạt {usd} vào {fyear}.",
                "The two sides agreed to upgrade relations to a {e:comprehensive-strategic-partnership}, aiming for {e:trade-turnover} of {usd} by {fyear}.",
            ),
            (
                "Tại cuộc {e:press-conference} chiều {date}, người phát ngôn {e:ministry-of-foreign-affairs} khẳng định {e:vietnam} có đầy đủ cơ sở pháp lý về {e:sovereignty} đối với các vùng biển của mình.",
                "At a {e:press-conference} on the afternoon of {date}, a spokesperson for the {e:ministry-of-foreign-affairs} affirmed that {e:vietnam} has full legal grounds for its {e:sovereignty} over its waters.",
            ),
            (
                "{e:vietnam} và {l} sẽ kỷ niệm {anniv} năm thiết lập quan hệ ngoại giao vào {my}.",
                "{e:vietnam} and {@l} will celebrate {anniv} years of diplomatic relations in {my}.",
            ),
            (
                "{p} dẫn đầu đoàn đại biểu {e:vietnam} tham dự {e:asean-summit} lần {ord} tại {l}.",
                "{p} led the {e:vietnam} delegation to the {ord} {e:asean-summit} in {@l}.",
            ),
            (
                "Hai bên đã ký {count} văn kiện hợp tác trong các lĩnh vực {t}, {t2} và {e:digital-transformation}.",
                "The two sides signed {count} cooperation documents covering {t}, {t2} and {e:digital-transformation}.",
            ),
            (
                "{p} kêu gọi cộng đồng quốc tế tăng cường {e:humanitarian-aid} cho người dân trong cuộc gặp tại {e:kyiv} ngày {date}.",
                "{p} called on the international community to step up {e:humanitarian-aid} for civilians at a meeting in {e:kyiv} on {date}.",
            ),
            (
                "Theo {e:united-nations}, cuộc xung đột đã buộc {big} người phải rời bỏ nhà cửa kể từ {my}.",
                "According to the {e:united-nations}, the conflict has forced {big} people from their homes since {my}.",
            ),
        ],
    },
    Topic {
        name: "courts",
        headlines: &[
            (
                "Xét xử {count} bị cáo trong vụ án {e:bribery} tại {o}",
                "{count} defendants on trial in {e:bribery} case at {o}",
            ),
            (
                "Truy tố {count} bị can về tội {e:money-laundering}",
                "{count} suspects charged with {e:money-laundering}",
            ),
        ],
        body: &[
            (
                "Ngày {date}, {e:peoples-court} {l} mở phiên xét xử sơ thẩm {count} bị cáo trong vụ án {e:bribery} xảy ra tại {o}.",
                "On {date}, the {l} {e:peoples-court} opened the first-instance trial of {count} defendants in a {e:bribery} case at {@o}.",
            ),
            (
                "Cơ quan điều tra xác định các bị cáo đã gây thiệt hại cho nhà nước hơn {vnd}.",
                "Investigators found that the defendants had caused losses of more than {vnd} to the state.",
            ),
            (
                "Hội đồng xét xử tuyên phạt bị cáo chủ mưu {small} năm tù về tội {e:bribery} và buộc nộp lại {vnd} để khắc phục hậu quả.",
                "The trial panel sentenced the ringleader to {small} years in prison for {e:bribery} and ordered the return of {vnd} to remedy the damage.",
            ),
            (
                "{e:supreme-peoples-procuracy} đã ban hành cáo trạng truy tố {count} bị can về tội {e:money-laundering} liên quan đến số tiền {vnd}.",
                "The {e:supreme-peoples-procuracy} issued an indictment charging {count} suspects with {e:money-laundering} involving {vnd}.",
            ),
            (
                "Phiên tòa dự kiến kéo dài đến ngày {date}, với sự tham gia của {count} luật sư.",
                "The trial is expected to last until {date}, with {count} lawyers taking part.",
            ),
        ],
    },
    Topic {
        name: "technology",
        headlines: &[
            (
                "{o} đầu tư {usd} vào {e:semiconductor}",
                "{o} to invest {usd} in {e:semiconductor}s",
            ),
            (
                "Thị trường {e:artificial-intelligence} của {e:vietnam} đạt {usd} vào {fyear}",
                "{e:vietnam}'s {e:artificial-intelligence} market to reach {usd} by {fyear}",
            ),
        ],
        body: &[
            (
                "{o} công bố kế hoạch đầu tư {usd} xây dựng nhà máy sản xuất {e:semiconductor} tại {l}, dự kiến đi vào hoạt động trong {my}.",
                "{@o} announced plans to invest {usd} in a {e:semiconductor} plant in {@l}, expected to start operating in {my}.",
            ),
            (
                "Số vụ {e:cyberattack} nhắm vào các hệ thống thông tin tại {e:vietnam} trong {year} là {thousands}, tăng {pct} so với năm trước.",
                "The number of {e:cyberattack}s targeting information systems in {e:vietnam} in {year} was {thousands}, up {pct} from the previous year.",
            ),
            (
                "Thị trường {e:artificial-intelligence} của {e:vietnam} được dự báo đạt {usd} vào {fyear}, với tốc độ tăng trưởng bình quân {pct} mỗi năm.",
                "{e:vietnam}'s {e:artificial-intelligence} market is forecast to reach {usd} by {fyear}, growing by an average of {pct} a year.",
            ),
            (
                "Đến {my}, cả nước có {big} thuê bao di động sử dụng mạng 5G, chiếm {pct} tổng số thuê bao.",
                "By {my}, the country had {big} mobile subscribers on 5G networks, accounting for {pct} of all subscriptions.",
            ),
            (
                "{p} yêu cầu các địa phương đẩy nhanh {e:digital-transformation} và hoàn thành việc kết nối {count} cơ sở dữ liệu trước ngày {date}.",
                "{p} asked localities to speed up {e:digital-transformation} and to connect {count} databases before {date}.",
            ),
        ],
    },
    Topic {
        name: "transport",
        headlines: &[
            (
                "Dự án {e:expressway} {vnd} dự kiến hoàn thành vào {my}",
                "{vnd} {e:expressway} project due for completion in {my}",
            ),
            (
                "{e:vietnam-airlines} tăng {count} chuyến bay mỗi tuần",
                "{e:vietnam-airlines} adds {count} weekly flights",
            ),
        ],
        body: &[
            (
                "Dự án {e:expressway} dài {dec} km có tổng vốn đầu tư {vnd}, dự kiến hoàn thành vào {my}.",
                "The {dec} km {e:expressway} project has a total investment of {vnd} and is due for completion in {my}.",
            ),
            (
                "Tuyến {e:metro} đầu tiên của {l} đã vận chuyển {big} lượt hành khách kể từ khi khai thác vào ngày {fulldate}.",
                "The first {e:metro} line in {@l} has carried {big} passengers since it opened on {fulldate}.",
            ),
            (
                "{e:vietnam-airlines} cho biết sẽ tăng thêm {count} chuyến bay mỗi tuần trên đường bay giữa {e:hanoi} và {l} từ ngày {date}.",
                "{e:vietnam-airlines} said it would add {count} weekly flights on the route between {e:hanoi} and {@l} from {date}.",
            ),
            (
                "Dự án {e:north-south-high-speed-railway} dài khoảng {count} km có tổng mức đầu tư {usd}.",
                "The {e:north-south-high-speed-railway} project, about {count} km long, has a total investment of {usd}.",
            ),
            (
                "Trong {my}, {l} đón {big} lượt {e:international-arrivals}, tăng {pct} so với cùng kỳ năm trước.",
                "In {my}, {@l} welcomed {big} {e:international-arrivals} arrivals, up {pct} year-on-year.",
            ),
        ],
    },
    Topic {
        name: "society",
        headlines: &[
            (
                "{e:hanoi} trồng mới {thousands} cây xanh",
                "{e:hanoi} to plant {thousands} new trees",
            ),
            (
                "Lương tối thiểu tại {l} tăng {pct}",
                "Minimum wage in {l} rises {pct}",
            ),
        ],
        body: &[
            (
                "Lễ hội diễn ra từ ngày {drange} tại {l}, thu hút khoảng {thousands} người tham gia.",
                "The festival runs from {drange} in {@l} and has drawn about {thousands} participants.",
            ),
            (
                "Từ ngày {fulldate}, mức lương tối thiểu tại {l} tăng {pct}, lên {wage} mỗi tháng.",
                "From {fulldate}, the minimum wage in {@l} rises by {pct} to {wage} a month.",
            ),
            (
                "{e:hanoi} đặt mục tiêu trồng mới {thousands} cây xanh và cải tạo {dec} km vỉa hè trong {year}.",
                "{e:hanoi} aims to plant {thousands} new trees and renovate {dec} km of pavements in {year}.",
            ),
            (
                "Kỳ thi tốt nghiệp trung học phổ thông {year} có {thousands} thí sinh đăng ký, với tỷ lệ đỗ đạt {share}.",
                "The {year} national high school graduation exam had {thousands} registered candidates and a pass rate of {share}.",
            ),
            (
                "Trong dịp {e:tet}, lực lượng {e:police} tại {l} đã xử lý {thousands} trường hợp vi phạm giao thông.",
                "During {e:tet}, {e:police} in {@l} handled {thousands} traffic violations.",
            ),
        ],
    },
];

/// Sentences that fit any desk: attribution, plans, forecasts.
pub const GENERAL: &[Pair] = &[
    (
        "Đến nay, {o} đã hoàn thành {pct} kế hoạch, giải ngân được {vnd}.",
        "So far, {@o} has completed {pct} of its plan, disbursing {vnd}.",
    ),
    (
        "Theo kế hoạch, trong giai đoạn {yrange}, {l} sẽ dành {vnd} cho {t}.",
        "Under the plan, {@l} will allocate {vnd} to {t} in the {yrange} period.",
    ),
    (
        "{p} cho rằng {t} và {t2} là hai trụ cột trong hợp tác giữa {o} và {o2}.",
        "{p} said {t} and {t2} are the two pillars of cooperation between {@o} and {@o2}.",
    ),
    (
        "Báo cáo của {o} công bố ngày {date} cho thấy {pct} doanh nghiệp được khảo sát dự kiến mở rộng hoạt động tại {l} trong {year}.",
        "A report by {@o} released on {date} showed that {pct} of surveyed businesses plan to expand operations in {@l} in {year}.",
    ),
    (
        "Các chuyên gia của {e:world-bank} dự báo {e:economic-growth} của {e:vietnam} năm tới sẽ đạt {prange}.",
        "Experts at the {e:world-bank} forecast that {e:vietnam}'s {e:economic-growth} will reach {prange} next year.",
    ),
    (
        "{e:imf} giữ nguyên dự báo {e:economic-growth} toàn cầu ở mức {pct}, nhưng cảnh báo rủi ro từ {e:trade-war} và {e:public-debt} tăng cao.",
        "The {e:imf} kept its global {e:economic-growth} forecast at {pct} but warned of risks from the {e:trade-war} and rising {e:public-debt}.",
    ),
    (
        "Dự kiến đến {fyear}, tỷ trọng {e:renewable-energy} trong cơ cấu nguồn điện sẽ đạt {pct}, trong đó {e:offshore-wind} chiếm khoảng {count} MW.",
        "By {fyear}, {e:renewable-energy} is expected to account for {pct} of the power mix, with {e:offshore-wind} contributing about {count} MW.",
    ),
    (
        "Theo ước tính, {e:climate-change} khiến {l} thiệt hại trung bình {pct} {e:gdp} mỗi năm.",
        "By some estimates, {e:climate-change} costs {@l} an average of {pct} of {e:gdp} a year.",
    ),
    (
        "Phát biểu tại diễn đàn tổ chức ở {l} ngày {date}, {p} cho biết {t} sẽ là ưu tiên hàng đầu trong thời gian tới.",
        "Speaking at a forum in {@l} on {date}, {p} said {t} would be a top priority in the coming period.",
    ),
    (
        "{o} và {o2} đã ký biên bản ghi nhớ về {t} với tổng giá trị {usd}.",
        "{@o} and {@o2} signed a memorandum of understanding on {t} worth a total of {usd}.",
    ),
    (
        "Cuộc khảo sát do {o} thực hiện từ ngày {drange} với {thousands} người tham gia cho thấy {pct} ủng hộ các biện pháp về {t}.",
        "A survey conducted by {@o} from {drange} among {thousands} respondents found that {pct} support measures on {t}.",
    ),
    (
        "Theo {p}, tỷ lệ hộ nghèo tại {l} đã giảm {pp} trong {year}, xuống còn {pct}.",
        "According to {p}, the poverty rate in {@l} fell by {pp} in {year} to {pct}.",
    ),
    (
        "{o} cho biết sẽ công bố kết quả chi tiết vào ngày {date}.",
        "{@o} said it would publish detailed results on {date}.",
    ),
    (
        "Trước đó, vào {my}, {p} đã có chuyến làm việc tại {l} để trao đổi về {t}.",
        "Earlier, in {my}, {p} made a working trip to {@l} to discuss {t}.",
    ),
    (
        "Theo số liệu của {o}, {share} người được hỏi tại {l} đánh giá tích cực về {t}.",
        "According to data from {@o}, {share} of respondents in {@l} view {t} positively.",
    ),
    (
        "Hội nghị dự kiến bế mạc lúc {time} ngày {date} với việc thông qua tuyên bố chung.",
        "The conference is scheduled to close at {time} on {date} with the adoption of a joint statement.",
    ),
    (
        "{p} cho biết {o} sẽ hỗ trợ {vnd} cho các hộ gia đình bị ảnh hưởng tại {l}.",
        "{p} said {@o} would provide {vnd} to affected households in {@l}.",
    ),
    (
        "Tổng cộng {thousands} lao động tại {l} đã được hưởng lợi từ chương trình trong giai đoạn {yrange}.",
        "A total of {thousands} workers in {@l} benefited from the programme in the {yrange} period.",
    ),
    (
        "Đây là lần {ord} {o} tổ chức sự kiện này kể từ {year}.",
        "This is the {ord} time {@o} has held the event since {year}.",
    ),
    (
        "Các chuyên gia cho rằng {t} cần được xem xét cùng với {t2} để đạt hiệu quả lâu dài.",
        "Experts say {t} must be considered together with {t2} to have a lasting effect.",
    ),
    (
        "{l} và {l2} đã thống nhất thành lập nhóm công tác chung về {t}, dự kiến họp phiên đầu tiên vào {my}.",
        "{@l} and {@l2} agreed to set up a joint working group on {t}, which is expected to hold its first meeting in {my}.",
    ),
    (
        "Số liệu mới nhất cho thấy tỷ lệ thất nghiệp tại {l} trong {my} ở mức {pct}, giảm {pp} so với tháng trước.",
        "The latest figures put the unemployment rate in {@l} at {pct} in {my}, down {pp} from the previous month.",
    ),
];
