#include "common/extract/quantity.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "re2/re2.h"

namespace claims {
namespace {

constexpr size_t kMaxBytes = 4096;

std::string Comparator(std::string cue) {
  cue = absl::AsciiStrToLower(cue);
  if (cue == "over" || cue == "more than" || cue == "above" ||
      cue == "upwards of" || cue == "in excess of") {
    return ">";
  }
  if (cue == "at least") return ">=";
  if (cue == "up to" || cue == "at most") return "<=";
  if (cue == "under" || cue == "less than" || cue == "fewer than" ||
      cue == "below" || cue == "nearly" || cue == "almost") {
    return "<";
  }
  if (cue == "about" || cue == "around" || cue == "some" || cue == "roughly" ||
      cue == "approximately" || cue == "an estimated" || cue == "estimated") {
    return "~";
  }
  return "=";
}

double Scale(absl::string_view word) {
  std::string w = absl::AsciiStrToLower(word);
  if (w == "thousand") return 1e3;
  if (w == "million" || w == "mln" || w == "m") return 1e6;
  if (w == "billion" || w == "bln" || w == "bn") return 1e9;
  if (w == "trillion") return 1e12;
  return 1;
}

// Number scales and units a quantity may carry; both patterns below use
// them, so the cheap pre-test in FindQuantity accepts whatever its full
// pattern does.
constexpr char kScales[] = "thousand|million|billion|trillion|mln|bln|bn";
constexpr char kListedUnits[] =
    "per\\s?cent|percent|%|percentage points|people|persons|civilians|"
    "soldiers|troops|hostages|prisoners|refugees|deaths|dead|casualties|"
    "workers|jobs|voters|votes|seats|members|dollars|euros|pounds|shekels|"
    "yen|yuan|rupees|roubles|rubles|francs|points|"
    "barrels|tonnes|tons|km|kilometres|kilometers|miles|years|children|"
    "residents|homes|rockets|missiles|drones|men\\b|women\\b";
// Any other plural noun counts what it names too ("1 million vehicles",
// "500 hectares"); last, so a listed unit wins.
constexpr char kAnyPlural[] = "[a-z]{2,}[a-rt-z]s\\b";

// Plurals that are no unit of what they count: spans of time (a duration,
// or an age: "45 years old", counted only after a cue as years are) and
// "times" (a multiplier).
bool IsTimeOrMultiplier(absl::string_view unit) {
  return unit == "years" || unit == "days" || unit == "weeks" || unit == "months" ||
         unit == "hours" || unit == "minutes" || unit == "seconds" || unit == "decades" ||
         unit == "centuries" || unit == "times";
}

// "the 2024 elections", "1990 levels": a year before a plural is no count.
bool LooksLikeYear(absl::string_view digits) {
  int year = 0;
  return digits.size() == 4 && absl::SimpleAtoi(digits, &year) && year >= 1800 && year <= 2100;
}

}  // namespace

std::optional<claims::v1::Quantity> FindQuantity(absl::string_view sentence) {
  std::vector<FoundQuantity> all = FindQuantities(sentence, 1);
  if (all.empty()) return std::nullopt;
  return std::move(all.front().quantity);
}

std::vector<FoundQuantity> FindQuantities(absl::string_view sentence, size_t max_count) {
  std::vector<FoundQuantity> found;
  if (sentence.size() > kMaxBytes) sentence = sentence.substr(0, kMaxBytes);
  // Every quantity has an ASCII digit (RE2 \d): most sentences need no regex.
  if (std::none_of(sentence.begin(), sentence.end(), absl::ascii_isdigit)) {
    return found;
  }
  // A cheap first test (no captures, so RE2's DFA alone answers it): a
  // quantity needs a currency before the number or a unit after it. Any
  // match of kPattern that counts contains a match of this, so sentences
  // with numbers but no quantity ("1996-08-30", "3-1") skip the loop below.
  static const RE2* const kQuantityLike = new RE2(absl::StrCat(
      "(?i)(?:\\$|€|£)\\d|\\d[\\d,]*(?:\\.\\d+)?\\s*(?:", kScales, ")?\\s*(?:",
      kListedUnits, "|", kAnyPlural, ")"));
  if (!RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()),
                         *kQuantityLike)) {
    return found;
  }
  static const RE2* const kPattern = new RE2(absl::StrCat(
      "(?i)(?:\\b(over|more than|above|upwards of|in excess of|at least|up to|"
      "at most|under|less than|fewer than|below|nearly|almost|about|around|"
      "some|roughly|approximately|an estimated|estimated)\\s+)?"
      // A currency sign, or else a word boundary before the digits (a sign
      // is not a word character, so "costs $5" has no boundary before it).
      "(\\$|\\bUS\\$|€|£|\\b)(\\d[\\d,]*(?:\\.\\d+)?)\\s*(",
      kScales, ")?\\s*(?:(", kListedUnits, ")|(", kAnyPlural, "))?"));
  re2::StringPiece cue, currency, number, scale, listed, plural;
  re2::StringPiece input(sentence.data(), sentence.size());
  while (RE2::FindAndConsume(&input, *kPattern, &cue, &currency, &number,
                             &scale, &listed, &plural)) {
    const re2::StringPiece unit = listed.empty() ? plural : listed;
    if (unit.empty() && currency.empty()) continue;
    std::string digits = absl::StrReplaceAll(absl::string_view(number.data(), number.size()), {{",", ""}});
    double value;
    if (!absl::SimpleAtod(digits, &value)) continue;
    std::string u = absl::AsciiStrToLower(absl::string_view(unit.data(), unit.size()));
    if (IsTimeOrMultiplier(u) && (cue.empty() || u == "times")) continue;
    if (currency.empty() && scale.empty() && !plural.empty() &&
        LooksLikeYear(absl::string_view(number.data(), number.size()))) {
      continue;
    }
    value *= Scale(absl::string_view(scale.data(), scale.size()));
    claims::v1::Quantity q;
    q.set_value(value);
    if (!currency.empty()) {
      q.set_unit(currency == "€" ? "EUR" : currency == "£" ? "GBP" : "USD");
    } else if (u == "%" || u.rfind("per", 0) == 0) {
      q.set_unit("percent");
    } else if (u == "dollars") {
      q.set_unit("USD");
    } else if (u == "euros") {
      q.set_unit("EUR");
    } else {
      q.set_unit(u);
    }
    q.set_comparator(Comparator(std::string(cue.data(), cue.size())));
    const char* s = cue.empty() ? (currency.empty() ? number.data() : currency.data())
                                : cue.data();
    const char* e = unit.empty() ? (scale.empty() ? number.data() + number.size()
                                                  : scale.data() + scale.size())
                                 : unit.data() + unit.size();
    q.set_text(std::string(s, static_cast<size_t>(e - s)));
    FoundQuantity f;
    f.begin = static_cast<size_t>(s - sentence.data());
    f.end = static_cast<size_t>(e - sentence.data());
    f.quantity = std::move(q);
    found.push_back(std::move(f));
    if (found.size() >= max_count) break;
  }
  return found;
}

}  // namespace claims
