#include "bench/corpus_generator.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <array>
#include <cmath>
#include <fstream>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"

namespace claims::bench {
namespace {

// Sentence templates. Placeholders: {P} {P2} people, {C} {C2} countries,
// {O} an organisation, {K} a topic keyword, {D} an explicit date. Each
// template has an actor subject, a verb the extractor knows and a date, so
// it yields one claim with the subject (and usually an object) as actors,
// the keyword's topic and the date as event date. Tuned with
// `claimctl analyze` against the extractor, not the other way round.
constexpr std::array<const char*, 16> kTemplates = {
    "{P} met {P2} in {C} on {D} to discuss the {K}.",
    "On {D}, {P} visited {C} for talks on the {K}.",
    "{O} said on {D} that {C} must address the {K}.",
    "{C} signed a {K} agreement with {C2} on {D}.",
    "{P} criticised {O} on {D} over its handling of the {K}.",
    "{P} announced new {K} measures on {D}.",
    "{C} accused {C2} on {D} of blocking progress on the {K}.",
    "{O} warned on {D} that the {K} could get worse.",
    "{P} called for {K} talks with {P2} on {D}.",
    "{P} rejected a {K} proposal from {O} on {D}.",
    "{P} praised {C} on {D} for its work on the {K}.",
    "On {D}, {O} approved {K} funding for {C}.",
    "{P} told reporters on {D} that the {K} was a priority.",
    "{C} condemned {C2} on {D} over the {K}.",
    "{O} urged {P} on {D} to act on the {K}.",
    "{P} discussed the {K} with {O} on {D}.",
};

// Topic keywords that read well as "the {K}" / "{K} talks"; each must be a
// keyword of some taxonomy topic (checked at load).
constexpr std::array<const char*, 24> kKeywords = {
    "ceasefire",  "truce",       "hostages",   "terrorism",  "negotiations",
    "alliance",   "nuclear",     "election",   "coalition",  "trade",
    "tariffs",    "economy",     "corruption", "refugees",   "famine",
    "education",  "health",      "earthquake", "security",   "investment",
    "court",      "war",         "diplomacy",  "championship",
};

constexpr std::array<const char*, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr std::array<const char*, 8> kAuthors = {
    "Ana Torres", "James Okafor", "Lena Fischer", "Rahul Mehta",
    "Sofia Rossi", "Tom Becker",  "Yuki Tanaka",  "Omar Haddad"};

constexpr std::array<const char*, 6> kTitles = {
    "Talks on the {K} continue", "Leaders clash over the {K}",
    "New moves on the {K}",      "The week in {K}",
    "What next for the {K}",     "Pressure grows over the {K}"};

// Reads `field` of every JSON line of `path` into `out` (lines whose
// `kind_filter` field differs are skipped when it is non-empty).
absl::Status LoadNames(const std::string& path, const std::string& field,
                       std::vector<std::string>* out,
                       const std::function<bool(
                           const google::protobuf::Struct&)>& keep) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    google::protobuf::Struct record;
    auto parsed = google::protobuf::util::JsonStringToMessage(line, &record);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", parsed.ToString()));
    }
    auto it = record.fields().find(field);
    if (it == record.fields().end() || it->second.string_value().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": no \"", field, "\""));
    }
    if (keep && !keep(record)) continue;
    out->push_back(it->second.string_value());
  }
  if (out->empty()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": no entries"));
  }
  return absl::OkStatus();
}

// Skewed pick: low indexes (the list's first, best-known entries) come up
// more often, as in real news, so some actors have far more claims than
// others.
const std::string& Pick(SplitMix64& rng, const std::vector<std::string>& v) {
  double u = static_cast<double>(rng.Next() >> 11) / 9007199254740992.0;
  size_t index = static_cast<size_t>(u * u * static_cast<double>(v.size()));
  return v[std::min(index, v.size() - 1)];
}

std::string FormatLongDate(SplitMix64& rng, absl::CivilDay day) {
  if (rng.Below(3) == 0) {
    return absl::StrFormat("%d %s %d", day.day(), kMonths[day.month() - 1],
                           day.year());
  }
  return absl::StrFormat("%s %d, %d", kMonths[day.month() - 1], day.day(),
                         day.year());
}

}  // namespace

absl::StatusOr<std::unique_ptr<CorpusGenerator>> CorpusGenerator::Create(
    const std::string& data_dir, uint64_t seed) {
  std::unique_ptr<CorpusGenerator> generator(new CorpusGenerator(seed));
  const std::string kb = data_dir + "/kb/";
  // Heads of state and ministers: the people with offices.
  absl::Status status = LoadNames(
      kb + "people.jsonl", "name", &generator->people_,
      [](const google::protobuf::Struct& r) {
        auto it = r.fields().find("offices");
        return it != r.fields().end() &&
               it->second.list_value().values_size() > 0;
      });
  if (!status.ok()) return status;
  // Sovereign states: the countries with a capital.
  status = LoadNames(kb + "countries.jsonl", "name", &generator->countries_,
                     [](const google::protobuf::Struct& r) {
                       auto it = r.fields().find("capitals");
                       return it != r.fields().end() &&
                              it->second.list_value().values_size() > 0;
                     });
  if (!status.ok()) return status;
  status = LoadNames(kb + "organisations.jsonl", "name",
                     &generator->organisations_, nullptr);
  if (!status.ok()) return status;

  // Every template keyword must be a taxonomy keyword.
  std::ifstream in(data_dir + "/taxonomy/topics.jsonl");
  std::set<std::string> keywords;
  std::string line;
  while (std::getline(in, line)) {
    google::protobuf::Struct record;
    if (!google::protobuf::util::JsonStringToMessage(line, &record).ok()) {
      continue;
    }
    auto it = record.fields().find("keywords");
    if (it == record.fields().end()) continue;
    for (const auto& value : it->second.list_value().values()) {
      keywords.insert(value.string_value());
    }
  }
  for (const char* keyword : kKeywords) {
    if (keywords.count(keyword) == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          data_dir, "/taxonomy/topics.jsonl: no topic has keyword \"",
          keyword, "\" used by the corpus templates"));
    }
  }
  return generator;
}

claims::v1::Article CorpusGenerator::Article(uint64_t i) const {
  SplitMix64 rng(seed_ * 0x100000001b3ULL ^ (i + 1) * 0x9e3779b97f4a7c15ULL);
  rng.Next();
  const absl::CivilDay first(2015, 1, 1);
  const absl::CivilDay end(2025, 1, 1);
  const absl::CivilDay published =
      first + static_cast<int64_t>(rng.Below(end - first));

  claims::v1::Article article;
  article.set_id(absl::StrCat("bench-", seed_, "-", i));
  article.add_authors(kAuthors[rng.Below(kAuthors.size())]);
  article.set_published(absl::FormatCivilTime(published));
  const std::string main_keyword = kKeywords[rng.Below(kKeywords.size())];
  article.set_title(absl::StrReplaceAll(kTitles[rng.Below(kTitles.size())],
                                        {{"{K}", main_keyword}}));

  std::string body;
  const int sentences = 9 + static_cast<int>(rng.Below(3));  // 9..11
  for (int s = 0; s < sentences; ++s) {
    if (s > 0) body += (s % 4 == 0) ? "\n\n" : " ";
    const std::string& p = Pick(rng, people_);
    std::string p2 = Pick(rng, people_);
    if (p2 == p) p2 = people_[(rng.Below(people_.size()))];
    const std::string& c = Pick(rng, countries_);
    std::string c2 = Pick(rng, countries_);
    if (c2 == c) c2 = countries_[rng.Below(countries_.size())];
    const std::string& o = Pick(rng, organisations_);
    // Half the sentences stay on the article's main topic.
    const std::string keyword = rng.Below(2) == 0
                                    ? main_keyword
                                    : kKeywords[rng.Below(kKeywords.size())];
    // Events from the 90 days before publication.
    const absl::CivilDay day = published - static_cast<int64_t>(rng.Below(90));
    body += absl::StrReplaceAll(kTemplates[rng.Below(kTemplates.size())],
                                {{"{P}", p},
                                 {"{P2}", p2},
                                 {"{C}", c},
                                 {"{C2}", c2},
                                 {"{O}", o},
                                 {"{K}", keyword},
                                 {"{D}", FormatLongDate(rng, day)}});
  }
  body += "\n";
  article.set_body(std::move(body));
  return article;
}

}  // namespace claims::bench
