#include "common/kb/knowledge_base.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "common/kb/jsonl.h"
#include "common/kb/kb_entry.pb.h"
#include "common/kb/name_skeleton.h"
#include "common/kb/unaccent.h"
#include "common/util/status_macros.h"

namespace claims {
namespace {

bool IsIsoDate(absl::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

// At least as many tokens as text::Tokenize makes of `s`: its words, and
// one more for each mark that may be a token of its own ("People's" is
// "People" "'s", "Co." may be "Co" "."). Callers try spans from this many
// tokens down, so a bound too high costs a lookup, one too low a name.
int TokenBound(absl::string_view s) {
  int n = 0;
  for (absl::string_view w : absl::StrSplit(s, ' ', absl::SkipEmpty())) {
    (void)w;
    ++n;
  }
  for (char c : s) {
    if (c == '\'' || c == '-' || c == '/' || c == '.' || c == ',' || c == '(' || c == ')' ||
        c == '&' || c == '\xE2' /* lead byte of ’ and the dashes */) {
      ++n;
    }
  }
  return n;
}

// Records that a phrase of `key`'s length in tokens starts with its first word
// (lower-cased, so exact and case-folded lookups share the entry).
template <typename Entry>
void NoteFirstWord(absl::string_view key, int Entry::*field,
                   absl::flat_hash_map<std::string, Entry>* words_from) {
  const size_t space = key.find(' ');
  std::string first = absl::AsciiStrToLower(key.substr(0, space));
  int& longest = (*words_from)[first].*field;
  longest = std::max(longest, TokenBound(key));
}


bool ParseType(absl::string_view s, claims::v1::ActorType* type) {
  if (s == "PERSON") *type = claims::v1::PERSON;
  else if (s == "ORGANIZATION" || s == "ORGANISATION") *type = claims::v1::ORGANIZATION;
  else if (s == "LOCATION") *type = claims::v1::LOCATION;
  else if (s == "GROUP") *type = claims::v1::GROUP;
  else if (s == "OTHER_ACTOR" || s == "OTHER") *type = claims::v1::OTHER_ACTOR;
  else return false;
  return true;
}

// Words that end a name but are not surnames.
bool IsNameSuffix(absl::string_view w) {
  return w == "Jr." || w == "Jr" || w == "Sr." || w == "II" || w == "III" ||
         w == "IV" || w == "XIV";
}

// Skeletons shorter than this find nothing (FindVariant).
constexpr int kMinSkeletonLetters = 5;

// True when two given names' skeletons are one romanisation apart: the same
// first letter, at least four letters, and an edit distance of at most two
// ("alaksandr" / "alaksandar"; not "bars" / "kath").
bool NearGivenName(absl::string_view a, absl::string_view b) {
  if (a.size() < 4 || b.size() < 4 || a[0] != b[0]) return false;
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()] <= 2;
}

// Countries whose names put the family name first (general knowledge of
// naming customs): China, Taiwan, Hong Kong, Macau, the two Koreas,
// Vietnam, Singapore's Chinese names and Cambodia.
constexpr absl::string_view kFamilyNameFirst[] = {
    "CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "SGP", "KHM"};

}  // namespace

bool FamilyNameFirst(absl::string_view country) {
  return std::find(std::begin(kFamilyNameFirst), std::end(kFamilyNameFirst),
                   country) != std::end(kFamilyNameFirst);
}

bool EitherNameOrder(absl::string_view country) {
  return FamilyNameFirst(country) || country == "JPN" || country == "HUN";
}

bool CalledByFirstName(absl::string_view country) {
  static constexpr absl::string_view kFirstName[] = {"ETH", "ERI", "ISL", "IDN", "LAO", "MMR", "THA"};
  return std::find(std::begin(kFirstName), std::end(kFirstName), country) !=
         std::end(kFirstName);
}

bool TwoSurnamesFatherFirst(absl::string_view country) {
  static constexpr absl::string_view kSpanish[] = {
      "ESP", "MEX", "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "CUB", "DOM", "PRI",
      "COL", "VEN", "ECU", "PER", "BOL", "CHL", "ARG", "URY", "PRY"};
  return std::find(std::begin(kSpanish), std::end(kSpanish), country) != std::end(kSpanish);
}

namespace {

// True when `s` ends in an initial: a capital and a dot, after a space, a
// dot or nothing.
bool EndsWithInitial(absl::string_view s) {
  const size_t n = s.size();
  return n >= 2 && s[n - 1] == '.' && absl::ascii_isupper(static_cast<unsigned char>(s[n - 2])) &&
         (n == 2 || s[n - 3] == ' ' || s[n - 3] == '.');
}

// The other forms of a Mongolian name "<patronymic in the genitive>
// <given name>" (see Builder::Add); none for a name of another shape. The
// genitive ends in "-giin" after a long vowel ("Ukhnaagiin": Ukhnaa),
// "-iin" ("Chimediin": Chimed), "-yn" ("Nambaryn": Nambar), "-ny"
// ("Mendsaikhany": Mendsaikhan) or "-n" after "i" ("Luvsannamsrain").
std::vector<std::string> MongolianNameForms(absl::string_view name) {
  const std::vector<absl::string_view> words = absl::StrSplit(name, ' ');
  if (words.size() != 2) return {};
  const absl::string_view genitive = words[0], given = words[1];
  std::string stem;
  auto long_vowel_before = [&](size_t end) {
    return end >= 2 && std::string_view("aeiou").find(genitive[end - 1]) != std::string_view::npos &&
           std::string_view("aeiou").find(genitive[end - 2]) != std::string_view::npos;
  };
  if (absl::EndsWith(genitive, "giin") && long_vowel_before(genitive.size() - 4)) {
    stem = std::string(genitive.substr(0, genitive.size() - 4));
  } else if (absl::EndsWith(genitive, "iin")) {
    stem = std::string(genitive.substr(0, genitive.size() - 3));
  } else if (absl::EndsWith(genitive, "yn")) {
    stem = std::string(genitive.substr(0, genitive.size() - 2));
  } else if (absl::EndsWith(genitive, "ny") || absl::EndsWith(genitive, "ain")) {
    stem = std::string(genitive.substr(0, genitive.size() - 1));
  }
  if (stem.size() < 3) return {};
  const std::string initial(stem.substr(0, 1));
  return {absl::StrCat(stem, " ", given), absl::StrCat(given, " ", stem),
          absl::StrCat(initial, ". ", given), absl::StrCat(initial, ".", given)};
}

// The shorter forms of an Arabic name that chains the father's and
// grandfather's names to the given name ("Saad Al-Abdullah Al-Salim
// Al-Sabah", "Hamad bin Jassim bin Jaber Al Thani"): the given name with
// the father's ("Saad Al-Abdullah", "Hamad bin Jassim"), and with the
// family name too ("Saad Al-Abdullah Al-Sabah", "Hamad bin Jassim Al
// Thani"), as news shortens them. None for a name of another shape.
std::vector<std::string> ArabicChainForms(absl::string_view name) {
  const std::vector<absl::string_view> w = absl::StrSplit(name, ' ', absl::SkipEmpty());
  auto al = [](absl::string_view x) { return absl::StartsWithIgnoreCase(x, "al-"); };
  if (w.size() >= 3 && std::all_of(w.begin() + 1, w.end(), al)) {
    std::vector<std::string> out = {absl::StrCat(w[0], " ", w[1])};
    if (w.size() >= 4) out.push_back(absl::StrCat(w[0], " ", w[1], " ", w.back()));
    return out;
  }
  if (w.size() >= 5 && w[1] == "bin" && w[3] == "bin") {
    std::vector<std::string> out = {absl::StrCat(w[0], " bin ", w[2])};
    if (w[w.size() - 2] == "Al") {
      out.push_back(absl::StrCat(w[0], " bin ", w[2], " Al ", w.back()));
    }
    return out;
  }
  return {};
}

// `name` with every hyphen between two capitalised parts as a space
// ("Jean-Pierre Simpson-Miller" -> "Jean Pierre Simpson Miller"), or ""
// when it has none.
std::string SpacedHyphens(absl::string_view name) {
  std::string out(name);
  bool changed = false;
  for (size_t i = 1; i + 1 < out.size(); ++i) {
    if (out[i] == '-' && absl::ascii_isalpha(static_cast<unsigned char>(out[i - 1])) &&
        absl::ascii_isupper(static_cast<unsigned char>(out[i + 1]))) {
      out[i] = ' ';
      changed = true;
    }
  }
  return changed ? out : "";
}

}  // namespace

std::string KnowledgeBase::NormalizeKey(absl::string_view surface) {
  std::string out;
  out.reserve(surface.size());
  bool space = false;
  for (size_t i = 0; i < surface.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(surface[i]);
    // U+2019 ’ and U+2018 ‘ -> '; U+2010..U+2013 dashes -> '-'
    if (c == 0xE2 && i + 2 < surface.size() &&
        static_cast<unsigned char>(surface[i + 1]) == 0x80) {
      unsigned char c3 = static_cast<unsigned char>(surface[i + 2]);
      if (c3 == 0x98 || c3 == 0x99) {
        out.push_back('\'');
        i += 2;
        space = false;
        continue;
      }
      if (c3 >= 0x90 && c3 <= 0x93) {
        out.push_back('-');
        i += 2;
        space = false;
        continue;
      }
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!out.empty()) space = true;
      continue;
    }
    // Initials are one word however they are spaced: "P. V. Narasimha
    // Rao" is "P.V. Narasimha Rao".
    if (space && !(EndsWithInitial(out) && absl::ascii_isupper(c) && i + 1 < surface.size() &&
                   surface[i + 1] == '.')) {
      out.push_back(' ');
    }
    space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

class KnowledgeBase::Builder {
 public:
  explicit Builder(KnowledgeBase* kb) : kb_(kb) {}

  absl::Status Add(const kb::KbEntry& e, const std::string& where) {
    if (e.id().empty()) return absl::InvalidArgumentError("missing \"id\"");
    if (e.kind() == "title") {
      if (e.aliases().empty()) {
        return absl::InvalidArgumentError("title without \"aliases\"");
      }
      titles_.push_back(e.id());
      if (e.role() == "government") kb_->government_titles_.insert(e.id());
      if (e.regnal()) kb_->regnal_titles_.insert(e.id());
      for (const auto& a : e.aliases()) {
        std::string key = NormalizeKey(a);
        kb_->titles_[key] = e.id();
        NoteFirstWord(key, &WordsFrom::title, &kb_->words_from_);
      }
      return absl::OkStatus();
    }
    claims::v1::ActorType type;
    auto it = kb_->by_id_.find(e.id());
    int index;
    if (it == kb_->by_id_.end()) {
      if (e.name().empty()) return absl::InvalidArgumentError("missing \"name\"");
      if (!ParseType(e.type(), &type)) {
        return absl::InvalidArgumentError(
            absl::StrCat("bad \"type\" \"", e.type(),
                         "\" (PERSON, ORGANIZATION, LOCATION, GROUP, OTHER_ACTOR)"));
      }
      index = static_cast<int>(kb_->actors_.size());
      kb_->by_id_[e.id()] = index;
      KbActor a;
      a.id = e.id();
      a.name = e.name();
      a.type = type;
      kb_->actors_.push_back(std::move(a));
    } else {
      // Operator entries extend an existing actor.
      index = it->second;
      if (!e.type().empty()) {
        if (!ParseType(e.type(), &type)) {
          return absl::InvalidArgumentError(absl::StrCat("bad \"type\" \"", e.type(), "\""));
        }
        kb_->actors_[index].type = type;
      }
      if (!e.name().empty()) kb_->actors_[index].name = e.name();
    }
    for (const auto& former : e.former_ids()) {
      auto [at, inserted] = kb_->by_id_.emplace(former, index);
      if (!inserted && at->second != index) {
        return absl::InvalidArgumentError(absl::StrCat(
            "former id \"", former, "\" is already the id of another entry"));
      }
    }
    if (e.population() < 0) {
      return absl::InvalidArgumentError("negative \"population\"");
    }
    KbActor& a = kb_->actors_[index];
    if (!e.kind().empty()) a.kind = e.kind();
    if (!e.country().empty()) a.country = e.country();
    if (!e.role().empty()) a.role = e.role();
    if (e.population() > 0) a.population = e.population();
    if (e.capital()) a.capital = true;
    if (e.gazetteer()) a.gazetteer = true;
    // A gazetteer entry's own names are weak evidence; other files may still
    // give it curated aliases (an operator line, a hand-written extension).
    AddAlias(index, a.name, a.gazetteer ? AliasKind::kGazetteer : AliasKind::kName);
    for (const auto& s : e.aliases()) {
      AddAlias(index, s, e.gazetteer() ? AliasKind::kGazetteer : AliasKind::kAlias);
    }
    AddWrittenForms(index, e);
    for (const auto& s : e.capitals()) AddAlias(index, s, AliasKind::kCapital);
    for (const auto& s : e.demonyms()) AddAlias(index, s, AliasKind::kDemonym);
    for (const auto& s : e.group_names()) AddAlias(index, s, AliasKind::kGroupName);
    for (const auto& o : e.offices()) {
      if (o.title().empty() || o.country().empty() || !IsIsoDate(o.start()) ||
          (!o.end().empty() && !IsIsoDate(o.end()))) {
        return absl::InvalidArgumentError(
            "office needs \"title\", \"country\", \"start\" (YYYY-MM-DD) and "
            "an optional \"end\" (YYYY-MM-DD)");
      }
      KbOffice office{o.title(), o.country(), o.start(), o.end(), index};
      a.offices.push_back(static_cast<int>(kb_->offices_.size()));
      kb_->offices_.push_back(std::move(office));
      office_where_.push_back(where);
    }
    return absl::OkStatus();
  }

  absl::Status Finish() {
    // Offices must name known titles.
    for (size_t i = 0; i < kb_->offices_.size(); ++i) {
      if (std::find(titles_.begin(), titles_.end(), kb_->offices_[i].title) ==
          titles_.end()) {
        return absl::InvalidArgumentError(absl::StrCat(
            office_where_[i], ": unknown office title \"",
            kb_->offices_[i].title, "\""));
      }
    }
    // Surnames of people, weakest evidence, only where not already taken.
    // A word some person has as a given name ("Michael", "James") is not
    // taken as a surname: in text it mostly starts another name.
    absl::flat_hash_set<std::string> given_names;
    for (const KbActor& a : kb_->actors_) {
      if (a.type != claims::v1::PERSON) continue;
      for (const auto& n : a.aliases) {
        std::vector<absl::string_view> words =
            absl::StrSplit(n, ' ', absl::SkipEmpty());
        if (words.size() >= 2) {
          given_names.insert(std::string(words.front()));
          kb_->given_skeletons_.insert(NameSkeleton(words.front()));
        }
      }
    }
    for (size_t i = 0; i < kb_->actors_.size(); ++i) {
      const KbActor& a = kb_->actors_[i];
      if (a.type != claims::v1::PERSON) continue;
      std::vector<std::string> names = {a.name};
      for (const auto& al : a.aliases) names.push_back(al);
      for (const auto& n : names) {
        std::vector<std::string> words =
            absl::StrSplit(n, ' ', absl::SkipEmpty());
        while (words.size() > 1 && IsNameSuffix(words.back())) words.pop_back();
        if (words.size() < 2) continue;
        // "Xi" of "Xi Jinping": a family name written first, unless the
        // form starts with a title ("President Xi").
        if (FamilyNameFirst(a.country) && words.front().size() >= 2 &&
            !kb_->titles_.contains(words.front())) {
          AddAlias(static_cast<int>(i), words.front(), AliasKind::kSurname);
        }
        // The last two words of a longer name are how news shortens it:
        // a double surname ("López Obrador", "Rodríguez Zapatero"), a name
        // with a particle ("bin Salman", "da Silva") or a Burmese name
        // without a surname ("Suu Kyi"). Weak evidence, like a surname.
        if (words.size() >= 3 && words[words.size() - 2].back() != '.') {
          AddAlias(static_cast<int>(i),
                   absl::StrCat(words[words.size() - 2], " ", words.back()),
                   AliasKind::kSurname);
        }
        // A surname that starts with a lower-case particle ("von der
        // Leyen", "de la Rúa"): from the particle on.
        for (size_t w = 1; w + 2 < words.size(); ++w) {
          if (absl::ascii_islower(static_cast<unsigned char>(words[w][0]))) {
            AddAlias(static_cast<int>(i),
                     absl::StrJoin(words.begin() + w, words.end(), " "),
                     AliasKind::kSurname);
            break;
          }
        }
        // A compound surname joined by a particle ("Cristina Fernández de
        // Kirchner", "Luiz Inácio Lula da Silva"): the surname from the
        // word before the particle ("Fernández de Kirchner"), and the name
        // without the particle's part ("Cristina Fernández"). Not an
        // Arabic family name with its article ("Ahmed Hassan al-Bakr", also
        // spaced "al Bakr"; "Abdel Fattah el-Sisi"): the names before it are
        // a given name and a father's, which many people share.
        for (size_t w = 2; w + 1 < words.size(); ++w) {
          if (!absl::ascii_islower(static_cast<unsigned char>(words[w][0]))) continue;
          if (words[w].find('-') != std::string::npos || IsArabicArticle(words[w])) break;
          AddAlias(static_cast<int>(i),
                   absl::StrJoin(words.begin() + static_cast<ptrdiff_t>(w) - 1, words.end(), " "),
                   AliasKind::kSurname);
          AddAlias(static_cast<int>(i),
                   absl::StrJoin(words.begin(), words.begin() + static_cast<ptrdiff_t>(w), " "),
                   AliasKind::kAlias);
          break;
        }
        const std::string& last = words.back();
        if (last.size() < 3 || given_names.contains(last)) continue;
        AddAlias(static_cast<int>(i), last, AliasKind::kSurname);
      }
    }
    IndexSkeletons();
    // Strongest evidence first, then the most prominent place, then load
    // order (documented at AliasMatch).
    const std::vector<KbActor>& actors = kb_->actors_;
    for (auto* map : {&kb_->aliases_, &kb_->folded_, &kb_->unaccented_,
                      &kb_->skeletons_}) {
      for (auto& [key, matches] : *map) {
        if (matches.size() < 2) continue;
        std::stable_sort(matches.begin(), matches.end(),
                         [&actors](const AliasMatch& x, const AliasMatch& y) {
                           if (x.kind != y.kind) return x.kind < y.kind;
                           return actors[x.actor].Prominence() >
                                  actors[y.actor].Prominence();
                         });
      }
    }
    return absl::OkStatus();
  }

  void Digest(absl::string_view data) {
    for (unsigned char c : data) {
      hash_ ^= c;
      hash_ *= 1099511628211ULL;
    }
  }
  std::string Version() const { return absl::StrFormat("kb-%016x", hash_); }

 private:
  // People's names, aliases and surnames under their skeletons, with the
  // kind of the alias (FindVariant). Short skeletons are left out: they
  // match too many unrelated names.
  void IndexSkeletons() {
    auto add = [](std::vector<AliasMatch>& v, int index, AliasKind kind) {
      for (auto& m : v) {
        if (m.actor == index) {
          if (kind < m.kind) m.kind = kind;
          return;
        }
      }
      v.push_back({index, kind});
    };
    for (auto& [key, matches] : kb_->aliases_) {
      const std::string skeleton = NameSkeleton(key);
      if (SkeletonLetters(skeleton) < kMinSkeletonLetters) continue;
      const size_t space = skeleton.rfind(' ');
      for (const AliasMatch& m : matches) {
        if (kb_->actors_[m.actor].type != claims::v1::PERSON ||
            m.kind == AliasKind::kGazetteer) {
          continue;
        }
        add(kb_->skeletons_[skeleton], m.actor, m.kind);
        if (space != std::string::npos && skeleton.find(' ') == space &&
            skeleton.size() - space - 1 >= kMinSkeletonLetters + 1) {
          kb_->by_last_skeleton_[skeleton.substr(space + 1)].push_back(
              {skeleton.substr(0, space), m});
        }
      }
    }
  }

  // The other ways text writes a person's or an organisation's names:
  //   * an Arabic name's given name with the father's, and with the family
  //     name ("Saad Al-Abdullah (Al-Sabah)" of "Saad Al-Abdullah Al-Salim
  //     Al-Sabah");
  //   * a Mongolian's patronymic in the genitive and given name
  //     ("Ukhnaagiin Khürelsükh") in the nominative before or after the
  //     given name, or as an initial ("Ukhnaa Khurelsukh", "Khurelsukh
  //     Ukhnaa", "U. Khurelsukh");
  //   * a person's double-barrelled name with a space ("Portia Simpson
  //     Miller" of "Portia Simpson-Miller"), and an organisation's one-word
  //     name of two capitalised parts ("Zanu PF" of "Zanu-PF");
  //   * an organisation's name without a bracketed qualifier ("FAST
  //     (Samoa)", "DPS (Montenegro)"), which only tells namesakes apart in
  //     this file; the article's country tells them apart in text.
  void AddWrittenForms(int index, const kb::KbEntry& e) {
    const KbActor& a = kb_->actors_[index];
    const bool person = a.type == claims::v1::PERSON;
    if (a.gazetteer || (!person && a.type != claims::v1::ORGANIZATION)) return;
    if (person && a.country == "MNG") {
      for (const std::string& form : MongolianNameForms(a.name)) {
        AddAlias(index, form, AliasKind::kAlias);
      }
    }
    if (person) {
      for (const std::string& form : ArabicChainForms(a.name)) {
        AddAlias(index, form, AliasKind::kAlias);
      }
    }
    std::vector<std::string> names = {a.name};
    names.insert(names.end(), e.aliases().begin(), e.aliases().end());
    for (const std::string& n : names) {
      const bool words = n.find(' ') != std::string::npos;
      const bool one_hyphen = n.find('-') == n.rfind('-') && !n.empty() &&
                              absl::ascii_isupper(static_cast<unsigned char>(n[0]));
      if (person ? words : !words && one_hyphen) {
        const std::string spaced = SpacedHyphens(n);
        if (!spaced.empty()) AddAlias(index, spaced, AliasKind::kAlias);
      }
      const size_t open = n.rfind(" (");
      if (!person && open != std::string::npos && open > 0 && absl::EndsWith(n, ")")) {
        AddAlias(index, n.substr(0, open), AliasKind::kAlias);
      }
    }
  }

  void AddAlias(int index, absl::string_view surface, AliasKind kind) {
    std::string key = NormalizeKey(surface);
    if (key.empty()) return;
    KbActor& a = kb_->actors_[index];
    auto add = [&](std::vector<AliasMatch>& v) {
      for (auto& m : v) {
        if (m.actor == index) {
          if (kind < m.kind) m.kind = kind;
          return false;
        }
      }
      v.push_back({index, kind});
      return true;
    };
    bool added = add(kb_->aliases_[key]);
    add(kb_->folded_[absl::AsciiStrToLower(key)]);
    // Both ASCII spellings: "Đukanović" is written "Dukanovic" and
    // "Djukanovic".
    for (const std::string& plain : {StripDiacritics(key), DigraphSpelling(key)}) {
      if (plain == key) continue;
      add(kb_->unaccented_[plain]);
      NoteFirstWord(plain, &WordsFrom::alias, &kb_->words_from_);
    }
    if (added && std::find(a.aliases.begin(), a.aliases.end(), key) == a.aliases.end()) {
      a.aliases.push_back(key);
    }
    NoteFirstWord(key, &WordsFrom::alias, &kb_->words_from_);
    // Text may space the initials the key joins ("P. V. Narasimha Rao" of
    // "P.V. Narasimha Rao"): the first initial alone starts the alias too,
    // one token longer for each space.
    const absl::string_view first = absl::string_view(key).substr(0, key.find(' '));
    if (first.size() >= 4 && first[1] == '.' && EndsWithInitial(first)) {
      std::string spaced;
      for (size_t i = 0; i < first.size(); i += 2) {
        absl::StrAppend(&spaced, i > 0 ? " " : "", first.substr(i, 2));
      }
      NoteFirstWord(absl::StrCat(spaced, absl::string_view(key).substr(first.size())),
                    &WordsFrom::alias, &kb_->words_from_);
    }
  }

  KnowledgeBase* kb_;
  std::vector<std::string> titles_;
  std::vector<std::string> office_where_;
  uint64_t hash_ = 1469598103934665603ULL;
};

namespace {
// About the shortest line of the bulk files (a city without aliases), so
// that Reserve over-estimates rather than under-estimates.
constexpr size_t kBytesPerEntry = 150;
}  // namespace

void KnowledgeBase::Reserve(size_t entries) {
  actors_.reserve(entries);
  by_id_.reserve(entries);
  // A name and an ASCII spelling or two per entry.
  aliases_.reserve(entries * 3 / 2);
  folded_.reserve(entries * 3 / 2);
  words_from_.reserve(entries);
}

absl::StatusOr<std::unique_ptr<KnowledgeBase>> KnowledgeBase::Load(
    const std::string& dir, const std::string& extra_file) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".jsonl") {
      files.push_back(entry.path().string());
    }
  }
  if (ec) {
    return absl::NotFoundError(
        absl::StrCat("knowledge base folder ", dir, ": ", ec.message()));
  }
  if (files.empty()) {
    return absl::NotFoundError(absl::StrCat("no *.jsonl files in ", dir));
  }
  std::sort(files.begin(), files.end());
  // Titles first, so offices can be checked against them at the end.
  if (!extra_file.empty()) files.push_back(extra_file);

  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  // Room for every line up front: the gazetteer has tens of thousands, and
  // growing the tables step by step costs more than filling them.
  size_t bytes = 0;
  for (const auto& path : files) {
    std::error_code size_ec;
    const auto size = std::filesystem::file_size(path, size_ec);
    if (!size_ec) bytes += static_cast<size_t>(size);
  }
  kb->Reserve(bytes / kBytesPerEntry);
  Builder builder(kb.get());
  kb::KbEntry prototype;
  for (const auto& path : files) {
    RETURN_IF_ERROR(ReadJsonLines(
        path, prototype,
        [&](const google::protobuf::Message& m, int line) -> absl::Status {
          const auto& e = static_cast<const kb::KbEntry&>(m);
          builder.Digest(e.SerializeAsString());
          return builder.Add(e, absl::StrCat(path, ":", line));
        }));
  }
  RETURN_IF_ERROR(builder.Finish());
  kb->version_ = builder.Version();
  return kb;
}

absl::StatusOr<std::unique_ptr<KnowledgeBase>> KnowledgeBase::FromJsonLines(
    const std::vector<std::string>& lines) {
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  Builder builder(kb.get());
  int number = 0;
  for (const auto& line : lines) {
    ++number;
    kb::KbEntry e;
    absl::Status status = kb::ParseJsonLine(line, &e);
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", number, ": ", status.message()));
    }
    builder.Digest(e.SerializeAsString());
    absl::Status s = builder.Add(e, absl::StrCat("line ", number));
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", number, ": ", s.message()));
    }
  }
  RETURN_IF_ERROR(builder.Finish());
  kb->version_ = builder.Version();
  return kb;
}

namespace {

// True when NormalizeKey(s) == s: no typographic quote or dash, and words
// separated by single spaces. The usual case, so lookups need no copy.
bool IsNormalKey(absl::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  char prev = 0;
  for (char c : s) {
    // (". " may space initials NormalizeKey joins: "J. K.")
    if (c == '\xE2' || c == '\t' || c == '\n' || c == '\r' ||
        (c == ' ' && (prev == ' ' || prev == '.'))) {
      return false;
    }
    prev = c;
  }
  return true;
}

}  // namespace

const std::vector<AliasMatch>* KnowledgeBase::Find(
    absl::string_view surface) const {
  auto it = IsNormalKey(surface) ? aliases_.find(surface)
                                 : aliases_.find(NormalizeKey(surface));
  return it == aliases_.end() ? nullptr : &it->second;
}

const std::vector<AliasMatch>* KnowledgeBase::FindUnaccented(
    absl::string_view surface) const {
  const std::string plain = StripDiacritics(NormalizeKey(surface));
  auto it = unaccented_.find(plain);
  if (it != unaccented_.end()) return &it->second;
  if (plain.size() == surface.size()) return nullptr;  // nothing stripped
  it = aliases_.find(plain);
  return it == aliases_.end() ? nullptr : &it->second;
}

std::vector<AliasMatch> KnowledgeBase::FindVariant(
    absl::string_view surface) const {
  const std::string key = NormalizeKey(surface);
  auto people = [this](const std::vector<AliasMatch>* m) {
    std::vector<AliasMatch> out;
    if (m == nullptr) return out;
    for (const AliasMatch& am : *m) {
      if (actors_[am.actor].type == claims::v1::PERSON) out.push_back(am);
    }
    return out;
  };
  // "el-Assad", "al-Sisi": the name without its article may be known.
  if (const absl::string_view bare = WithoutArabicArticle(key); bare.size() != key.size()) {
    const auto* m = Find(bare);
    if (m == nullptr) m = FindUnaccented(bare);
    if (auto found = people(m); !found.empty()) return found;
  }
  const std::string skeleton = NameSkeleton(key);
  if (SkeletonLetters(skeleton) < kMinSkeletonLetters) return {};
  // A name of several words is never a variant of one word: the words the
  // skeleton dropped (articles) must not leave a surname alone.
  if (skeleton.find(' ') == std::string::npos &&
      key.find(' ') != std::string::npos) {
    return {};
  }
  // A given name alone ("Mohammed") is never taken for a surname it
  // resembles ("Mohamad").
  if (skeleton.find(' ') == std::string::npos && given_skeletons_.contains(skeleton)) {
    return {};
  }
  if (auto it = skeletons_.find(skeleton); it != skeletons_.end()) return it->second;
  const size_t space = skeleton.find(' ');
  if (space == std::string::npos || skeleton.rfind(' ') != space ||
      skeleton.size() - space - 1 < kMinSkeletonLetters + 1) {
    return {};
  }
  std::vector<AliasMatch> out;
  auto it = by_last_skeleton_.find(skeleton.substr(space + 1));
  if (it == by_last_skeleton_.end()) return out;
  const absl::string_view first = absl::string_view(skeleton).substr(0, space);
  for (const FirstPart& p : it->second) {
    if (!NearGivenName(first, p.first)) continue;
    if (std::none_of(out.begin(), out.end(),
                     [&](const AliasMatch& m) { return m.actor == p.match.actor; })) {
      out.push_back(p.match);
    }
  }
  return out;
}

const std::vector<AliasMatch>* KnowledgeBase::FindFolded(
    absl::string_view surface) const {
  auto it = folded_.find(absl::AsciiStrToLower(NormalizeKey(surface)));
  return it == folded_.end() ? nullptr : &it->second;
}

int KnowledgeBase::IndexOf(absl::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : it->second;
}

KnowledgeBase::WordsFrom KnowledgeBase::MaxWordsFrom(
    absl::string_view first_word) const {
  // Plain lower-case ASCII is its own key: look it up without copying.
  bool plain = true;
  for (char c : first_word) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || absl::ascii_isupper(u) || absl::ascii_isspace(u)) {
      plain = false;
      break;
    }
  }
  if (plain) {
    auto it = words_from_.find(first_word);
    return it == words_from_.end() ? WordsFrom() : it->second;
  }
  const std::string key = absl::AsciiStrToLower(NormalizeKey(first_word));
  auto it = words_from_.find(key);
  if (it != words_from_.end()) return it->second;
  // "Wałęsa" may start the alias "Walesa" (see FindUnaccented).
  it = words_from_.find(absl::AsciiStrToLower(StripDiacritics(key)));
  return it == words_from_.end() ? WordsFrom() : it->second;
}

const std::string* KnowledgeBase::FindTitle(absl::string_view surface) const {
  auto it = IsNormalKey(surface) ? titles_.find(surface)
                                 : titles_.find(NormalizeKey(surface));
  return it == titles_.end() ? nullptr : &it->second;
}

int KnowledgeBase::OfficeHolder(absl::string_view title, absl::string_view owner,
                                absl::string_view date) const {
  int best = -1;
  std::string best_start;
  for (const KbOffice& o : offices_) {
    if (o.title != title || o.owner != owner) continue;
    if (date.empty()) {
      if (o.start > best_start) {
        best_start = o.start;
        best = o.actor;
      }
      continue;
    }
    // Compare on the common prefix so "2025" or "2025-04" dates work too.
    absl::string_view start = absl::string_view(o.start).substr(0, date.size());
    absl::string_view end = absl::string_view(o.end).substr(0, date.size());
    bool started = start <= date;
    bool not_ended = o.end.empty() || date < end ||
                     (date.size() < 10 && date == end);
    if (started && not_ended && o.start >= best_start) {
      best_start = o.start;
      best = o.actor;
    }
  }
  return best;
}

bool KnowledgeBase::HeldTitle(int actor, absl::string_view title,
                              absl::string_view date) const {
  if (actor < 0 || actor >= static_cast<int>(actors_.size())) return false;
  for (int i : actors_[actor].offices) {
    const KbOffice& o = offices_[i];
    if (o.title != title) continue;
    if (date.empty()) return true;
    absl::string_view start = absl::string_view(o.start).substr(0, date.size());
    absl::string_view end = absl::string_view(o.end).substr(0, date.size());
    if (start <= date && (o.end.empty() || date <= end)) return true;
  }
  return false;
}

}  // namespace claims
