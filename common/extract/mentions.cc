#include "common/extract/mentions.h"

#include <algorithm>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "common/entities/abbreviations.h"
#include "common/extract/dates.h"
#include "common/kb/name_skeleton.h"
#include "common/kb/unaccent.h"
#include "common/text/utf8.h"
#include "common/util/name_words.h"

namespace claims {
namespace {

using claims::v1::ActorType;
using text::Token;

// Result of ArticleState::ShortName when a short name fits several people.
constexpr int kAmbiguous = -2;

// Key of a name part: case, diacritics, typographic dashes and a leading
// Arabic article folded, so "Al-Rashidi" finds "al-Rashidi" and "Rashidi",
// and "Chavez" finds "Chávez".
std::string PartKey(absl::string_view word) {
  return absl::AsciiStrToLower(StripDiacritics(
      WithoutArabicArticle(KnowledgeBase::NormalizeKey(word))));
}

// Bounded work: tokens of one sentence considered for mentions.
constexpr int kMaxTokensPerSentence = 250;
// Longest job title not in the knowledge base ("Deputy Foreign Minister").
constexpr int kGenericTitleWords = 3;

// Evidence names of the alias kinds, by AliasKind.
constexpr const char* kKindNames[] = {"kb:name",    "kb:alias", "kb:capital",
                                      "kb:demonym", "kb:group", "kb:surname",
                                      "kb:gazetteer"};
static_assert(sizeof(kKindNames) / sizeof(kKindNames[0]) ==
              static_cast<int>(AliasKind::kGazetteer) + 1);

ActorType ActorTypeOf(entities::EntityType type) {
  switch (type) {
    case entities::EntityType::kPerson: return claims::v1::PERSON;
    case entities::EntityType::kOrganization: return claims::v1::ORGANIZATION;
    case entities::EntityType::kLocation: return claims::v1::LOCATION;
    case entities::EntityType::kMisc: return claims::v1::OTHER_ACTOR;
  }
  return claims::v1::OTHER_ACTOR;
}

std::string Lower(absl::string_view s) { return absl::AsciiStrToLower(s); }

std::string Slug(absl::string_view name) {
  // Lower case in any script ("Ōhashi Kenji" -> "ōhashi-kenji").
  const std::string lower = text::ToLower(name);
  std::string out;
  bool dash = false;
  for (unsigned char c : lower) {
    if (absl::ascii_isalnum(c) || c >= 0x80) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(static_cast<char>(absl::ascii_tolower(c)));
    } else {
      dash = true;
    }
  }
  return out;
}

// Capitalised words that never continue a name ("President Trump The...").
bool IsNameStop(absl::string_view lower) {
  static const auto* const kWords = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for",
      "but", "this", "that", "these", "those", "he", "she", "it", "they",
      "we", "i", "his", "her", "their", "its", "as", "by", "with", "from"};
  return kWords->contains(lower);
}

// Words between "the" and a title that keep it a title of its office:
// "the new prime minister", "the acting president".
bool IsTitleModifier(absl::string_view lower) {
  return lower == "former" || lower == "new" || lower == "acting" || lower == "outgoing" ||
         lower == "incoming" || lower == "interim" || lower == "caretaker" ||
         lower == "current";
}

// Head nouns of the names of buildings and prizes, which are often named
// for a person ("the Niels Bohr Building", "the Mo Ibrahim Prize"): no
// actor, whatever the tagger typed them, and no mention of the person.
// General knowledge; not the words that are also surnames ("Hall",
// "Tower", "Bridge").
bool IsNamedThingHead(absl::string_view word) {
  static constexpr absl::string_view kHeads[] = {"Building", "Stadium", "Arena",  "Airport",
                                                 "Library",  "Prize",   "Award",  "Trophy",
                                                 "Medal",    "Memorial", "Lecture"};
  return std::find(std::begin(kHeads), std::end(kHeads), word) != std::end(kHeads);
}

// A month's or a weekday's name, lower case ("december", "monday").
bool IsCalendarWord(absl::string_view lower) {
  static constexpr absl::string_view kWords[] = {
      "january", "february", "march",  "april",   "may",       "june",     "july",
      "august",  "september", "october", "november", "december", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// A preposition that puts a month or a weekday after it ("on Monday").
bool IsDatePreposition(absl::string_view lower) {
  return lower == "in" || lower == "on" || lower == "since" || lower == "until" || lower == "by";
}

// Lower-case words between the capitalised words of an organisation's
// name ("Union of ...", "Asociación de Caficultores del Alto Macizo",
// "Samahan ng mga Mangingisda"): English, Romance, Germanic and Filipino
// connectors, general knowledge.
bool IsNameConnector(absl::string_view lower) {
  static constexpr absl::string_view kConnectors[] = {
      "of",  "for", "the", "and", "de",  "del", "des", "do", "da", "dos", "das", "di", "du",
      "la",  "le",  "les", "y",   "e",   "et",  "und", "für", "ng", "mga", "van", "von", "der",
      "den", "della", "delle", "dei", "degli", "em", "en", "para", "pour", "sa", "dan"};
  return std::find(std::begin(kConnectors), std::end(kConnectors), lower) !=
         std::end(kConnectors);
}

// The bare apostrophe of a plural possessive ("Farmers'"), as its own token.
bool IsPluralPossessive(const Token& t) { return t.text == "'" || t.text == "\u2019"; }

// Three capital letters or more, each followed by a full stop ("H.R.P.P.").
bool IsDottedAcronym(absl::string_view w) {
  if (w.size() < 6 || w.size() % 2 != 0) return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(w[i])) || w[i + 1] != '.') return false;
  }
  return true;
}

// A token that can be part of a name: capitalised word or initials.
bool IsNameToken(const Token& t) {
  return t.is_word && t.capitalized && !t.possessive;
}

// The tagger's name that begins at token `i` of the sentence, or null.
const entities::EntitySpan* NameAt(const SentenceTokens& s, int i) {
  const entities::EntitySpan* span = nullptr;
  for (const entities::EntitySpan& e : s.names) {
    if (e.begin == i) span = &e;
  }
  return span;
}

// Lower-case particles inside names ("Mohammed bin Salman", "Nurul Huda
// binti Abdul Rahman", "Fadma Aït Lahcen", "Lula da Silva", "Ursula von der
// Leyen", "Charles de Gaulle", "Daniel arap Moi", "Ngugi wa Thiong'o",
// "Karl-Theodor zu Guttenberg", "Zia ul-Haq", "Mujib ur Rahman");
// general knowledge of Arabic, Urdu and Bengali, Berber, Malay, Portuguese,
// Spanish, French, Dutch, German, Kalenjin, Kikuyu and Hassaniya names.
bool IsNameParticle(absl::string_view lower) {
  static constexpr absl::string_view kParticles[] = {
      "bin", "bint", "binti", "ibn", "al", "el", "ait", "aït", "da", "de", "di", "do", "dos", "das",
      "du", "van", "von", "der", "den", "la", "le", "ter", "lo", "del", "della", "dello", "dei",
      "degli", "zu", "arap", "wa", "ould", "ul", "ur", "ud"};
  return std::find(std::begin(kParticles), std::end(kParticles), lower) !=
         std::end(kParticles);
}

// The Arabic "Abd" ("servant of") as romanised before the name it joins
// ("Abdel Nasser", "Abdul Rahman", "Abd al-Aziz").
bool IsAbdName(absl::string_view lower) {
  static constexpr absl::string_view kAbd[] = {"abd",   "abdel", "abdul", "abdal", "abdol",
                                               "abdur", "abdus", "abdou", "abdoul"};
  return std::find(std::begin(kAbd), std::end(kAbd), lower) != std::end(kAbd);
}

// A surname written with its particle and a hyphen ("al-Saadi",
// "el-Sisi"): a name token, though its first letter is lower case.
bool IsParticleName(const Token& t) {
  const size_t hyphen = t.lower.find('-');
  return t.is_word && !t.possessive && hyphen != std::string::npos && hyphen + 1 < t.text.size() &&
         IsNameParticle(absl::string_view(t.lower).substr(0, hyphen)) &&
         absl::ascii_isupper(static_cast<unsigned char>(t.text[hyphen + 1]));
}

// The token of t[a, b) that is a surname alone: the one word, or the last
// after its particles, one of them in lower case ("van den Berg", "Van den
// Berg", "da Silva"; not "Al Gore" or "Van Jones", given names); -1 for a
// longer name.
int SurnameAlone(const std::vector<Token>& t, int a, int b, bool after_honorific = false) {
  bool lower_case = false;
  for (int i = a; i + 1 < b; ++i) {
    if (!IsNameParticle(t[i].lower)) return -1;
    lower_case = lower_case || !t[i].capitalized;
  }
  // After an honorific, a capitalised particle opens the surname too ("Mrs
  // Lo Bianco", "Mr Van den Berg").
  return b - a == 1 || (b - a > 1 && (lower_case || after_honorific)) ? b - 1 : -1;
}

// End of a run of name tokens from `from` (at most `max_tokens` long),
// taking lower-case particles that a name token follows ("da Silva") and
// surnames with a hyphenated particle ("al-Saadi"); it ends before a word
// that never continues a name ("President Trump The"). The run ends on a
// name token, or is empty.
int NameRunEnd(const std::vector<Token>& t, int from, int n, int max_tokens) {
  auto name_word = [&](int i) {
    return (IsNameToken(t[i]) || IsParticleName(t[i])) && !IsNameStop(t[i].lower);
  };
  int e = from;
  while (e < n && e - from < max_tokens) {
    if (name_word(e)) {
      ++e;
      continue;
    }
    int p = e;
    while (p < n && p - e < 2 && t[p].is_word && IsNameParticle(t[p].lower)) ++p;
    if (p == e || p >= n || !name_word(p)) break;
    e = p;
  }
  return e;
}

// The end of a surname of lower-case particles and one name word that
// starts at t[b] ("de la Torre", "van der Berg", "dos Santos"), or b when
// none starts there.
int ParticleSurnameEnd(const std::vector<Token>& t, int b) {
  const int n = static_cast<int>(t.size());
  int p = b;
  // Not "do", an English verb before a capitalised word too.
  while (p < n && p - b < 2 && t[p].is_word && !t[p].capitalized && IsNameParticle(t[p].lower) &&
         t[p].lower != "do") {
    ++p;
  }
  if (p == b || p >= n || !IsNameToken(t[p]) || IsNameStop(t[p].lower)) return b;
  return p + 1;
}

// Whether a run of name words starts at t[i]: a name word no word before
// it continues ("Nigerian Coastal ...", not "Coastal" inside it).
bool StartsNameRun(const std::vector<Token>& t, int i) {
  return IsNameToken(t[i]) && !IsNameStop(t[i].lower) &&
         !(i > 0 && IsNameToken(t[i - 1]) && !IsNameStop(t[i - 1].lower));
}

// The end of the organisation's name starting at word i: a run of at
// least two capitalised words that begins there (not inside a longer run)
// and ends in an organisation's head noun; -1 when there is none. A plural
// possessive inside joins the runs around it ("Oshodi Traders' Welfare
// Association"); "'s" does not ("Russia's Foreign Ministry" is two).
int OrganisationRunEnd(const std::vector<Token>& t, int i) {
  const int n = static_cast<int>(t.size());
  if (!StartsNameRun(t, i)) return -1;
  int e = NameRunEnd(t, i, n, 8);
  bool possessive = false;
  while (e > i && e + 1 < n && e - i < 8 && IsPluralPossessive(t[e]) &&
         absl::EndsWith(t[e - 1].lower, "s") && IsNameToken(t[e + 1]) &&
         !IsNameStop(t[e + 1].lower)) {
    e = NameRunEnd(t, e + 1, n, 8 - (e + 1 - i));
    possessive = true;
  }
  // "Union" ends place names too ("Soviet Union"), but none after a plural
  // possessive ("Basra Date Palm Growers' Union").
  const bool head = IsOrganisationHead(t[e - 1].text) || (possessive && t[e - 1].text == "Union");
  return e - i >= 2 && head ? e : -1;
}

// A capitalised compound whose last part is a lower-case word
// ("Sunni-dominated", "US-based"): an adjective, no name.
bool IsCompoundAdjective(const Token& t) {
  const size_t dash = t.text.rfind('-');
  if (!t.capitalized || dash == absl::string_view::npos || dash + 1 == t.text.size()) return false;
  const absl::string_view last = t.text.substr(dash + 1);
  return std::all_of(last.begin(), last.end(),
                     [](char c) { return absl::ascii_islower(static_cast<unsigned char>(c)); });
}

// Tokens t[a, b) joined by single spaces where the text has space between
// them, into *out.
void JoinTo(const std::vector<Token>& t, int a, int b, std::string* out) {
  out->clear();
  for (int i = a; i < b; ++i) {
    // Tokens written together stay together: "Fishermen's", not
    // "Fishermen 's" (which would fold to another acronym).
    if (i > a && t[i].start > t[i - 1].end) out->push_back(' ');
    out->append(t[i].text.data(), t[i].text.size());
  }
}

std::string Join(const std::vector<Token>& t, int a, int b) {
  std::string out;
  JoinTo(t, a, b, &out);
  return out;
}

// The last word of a name ("Ibrahim" of "Mo Ibrahim", "Jr." of "George
// Bush Jr."), a view into `name`.
absl::string_view LastWord(absl::string_view name) { return name.substr(name.rfind(' ') + 1); }
// The first word of a name ("Mo" of "Mo Ibrahim").
absl::string_view FirstWord(absl::string_view name) { return name.substr(0, name.find(' ')); }

// What the rules ask of a token again and again (each position is tried by
// several rules, in two passes), looked up once per article.
struct TokenFacts {
  int alias_words = 0;  // KnowledgeBase::MaxWordsFrom
  int title_words = 0;
  bool function_word = false;
  // Filled on first use (-1 unknown): Lexicon::IsCommonWord,
  // IsDictionaryWord, IsTitleHead and Honorific (an ActorType).
  signed char common = -1;
  signed char dictionary = -1;
  signed char title_head = -1;
  signed char honorific = -1;
};

class ArticleState {
 public:
  ArticleState(const KnowledgeBase& kb, const Lexicon& lex,
               const GenderCues* genders, const syntax::WordClasses* classes,
               absl::string_view body, absl::string_view date)
      : kb_(kb), lex_(lex), genders_(genders), classes_(classes), body_(body), date_(date) {}

  void AddAuthor(absl::string_view name) {
    int a = Discover(std::string(name), claims::v1::PERSON);
    RegisterNameParts(a, -1, 0);  // before every sentence
    if (a >= 0) authors_.insert(a);
  }

  void Process(int si, const SentenceTokens& s);

  // After a first pass over the article: forget the mentions but keep the
  // actors and names learnt, so a short name before its full form links.
  void StartSecondPass() {
    FindFocusCountries();
    result_.mentions.clear();
    for (auto& a : result_.actors) a.mention_texts.clear();
    last_person_ = -1;
    last_government_.clear();
    title_owner_.clear();
    called_by_family_name_.clear();
    for (auto& a : result_.actors) a.mention_count = 0;
    for (size_t i = 0; i < result_.actors.size(); ++i) {
      const ArticleActor& a = result_.actors[i];
      if (a.type == claims::v1::OTHER_ACTOR) continue;
      auto [it, inserted] = by_folded_name_.emplace(Lower(a.name), static_cast<int>(i));
      if (!inserted && it->second != static_cast<int>(i)) it->second = -2;
    }
    second_pass_ = true;
  }

  // The countries a bare title ("the prime minister") may belong to, from
  // the first pass: the dateline's ("WASHINGTON -", "LONDON 1996-08-30"),
  // and the one the article's mentions name most (first named wins a tie).
  // A mention of a place with a country opening the first body sentence,
  // not the author's: the dateline ("WASHINGTON -").
  bool IsDatelinePlace(const FoundMention& m) const {
    if (m.actor < 0 || m.sentence != first_body_sentence_ || m.first_token != 0) return false;
    const ArticleActor& a = result_.actors[m.actor];
    return a.type == claims::v1::LOCATION && !a.country.empty() && !authors_.contains(m.actor);
  }

  void FindFocusCountries() {
    // owner -> (mentions, first seen); owners are countries and, for
    // sub-national offices, regions ("GB-SCT").
    absl::flat_hash_map<std::string, std::pair<int, int>> counts;
    int order = 0;
    auto count = [&](const std::string& owner) {
      auto [it, added] = counts.try_emplace(owner, 0, order++);
      ++it->second.first;
    };
    for (const FoundMention& m : result_.mentions) {
      if (m.actor < 0) continue;
      const ArticleActor& a = result_.actors[m.actor];
      if (a.country.empty() || !CountsForFocus(m)) continue;
      if (dateline_country_.empty() && IsDatelinePlace(m)) dateline_country_ = a.country;
      count(a.country);
      if (a.kind == "region") {
        count(a.id);
      } else if (a.type == claims::v1::LOCATION && a.kind != "country") {
        // A city named like its state or province ("NEW YORK -", "QUEBEC
        // -") puts the article there too: "the governor" of New York.
        if (const auto* same = kb_.Find(a.name)) {
          for (const AliasMatch& am : *same) {
            const KbActor& r = kb_.actor(am.actor);
            if (r.kind == "region" && r.country == a.country && r.name == a.name) {
              count(r.id);
              break;
            }
          }
        }
      }
    }
    focus_owners_.clear();
    for (const auto& [owner, c] : counts) focus_owners_.push_back(owner);
    std::sort(focus_owners_.begin(), focus_owners_.end(),
              [&](const std::string& x, const std::string& y) {
                const auto& a = counts.at(x);
                const auto& b = counts.at(y);
                return a.first != b.first ? a.first > b.first : a.second < b.second;
              });
  }

  MentionResult Take() {
    FindFocusCountries();
    if (!dateline_country_.empty()) result_.focus_countries.push_back(dateline_country_);
    for (const std::string& owner : focus_owners_) {
      // Owners are countries and regions ("GB-SCT"); only countries here.
      if (owner.size() == 3 && owner != dateline_country_) {
        result_.focus_countries.push_back(owner);
      }
    }
    std::sort(result_.mentions.begin(), result_.mentions.end(),
              [](const FoundMention& a, const FoundMention& b) {
                return a.start < b.start;
              });
    return std::move(result_);
  }

 private:
  // --- actors ---
  int ActorForKb(int kb_index) {
    auto it = kb_to_actor_.find(kb_index);
    if (it != kb_to_actor_.end()) return it->second;
    const KbActor& k = kb_.actor(kb_index);
    int idx = static_cast<int>(result_.actors.size());
    result_.actors.push_back(ArticleActor::FromKb(k, kb_index));
    kb_to_actor_[kb_index] = idx;
    id_to_actor_[k.id] = idx;
    return idx;
  }

  int Discover(std::string name, ActorType type) {
    std::string id = Slug(name);
    if (id.empty()) return -1;
    auto it = id_to_actor_.find(id);
    if (it != id_to_actor_.end()) return it->second;
    // A place the gazetteer knows becomes its entry (with its country), the
    // most prominent first; later mentions of the name find it by the slug.
    if (type == claims::v1::LOCATION) {
      if (const auto* m = kb_.Find(name)) {
        for (const AliasMatch& am : *m) {
          if (am.kind == AliasKind::kGazetteer &&
              kb_.actor(am.actor).type == claims::v1::LOCATION) {
            int idx = ActorForKb(am.actor);
            id_to_actor_.emplace(id, idx);
            return idx;
          }
        }
      }
    }
    ArticleActor a;
    a.id = id;
    a.name = std::move(name);
    a.type = type;
    a.kind = type == claims::v1::LOCATION ? "place" : "";
    int idx = static_cast<int>(result_.actors.size());
    result_.actors.push_back(std::move(a));
    id_to_actor_[id] = idx;
    return idx;
  }

  // A person the article names in full ("Jeb Bush", a byline, "President
  // Bush" resolved by the office at the date), and where it first did, so
  // its short names ("Bush", "Jeb") can find it. Called for each such
  // mention; the earliest place is kept.
  // `written`: the name as the article wrote it, when it is none of the
  // actor's names ("Cristina Fernández" for Cristina Fernández de Kirchner).
  void RegisterNameParts(int actor, int si, int token, absl::string_view written = "") {
    if (actor < 0 || result_.actors[actor].type != claims::v1::PERSON) return;
    const ArticleActor& a = result_.actors[actor];
    const bool family_first = FamilyNameFirst(a.country);
    std::vector<std::string> names = {a.name};
    if (!written.empty()) names.emplace_back(written);
    if (a.kb_index >= 0) {
      for (const auto& al : kb_.actor(a.kb_index).aliases) names.push_back(al);
    }
    for (const auto& n : names) {
      std::vector<std::string> words = absl::StrSplit(n, ' ', absl::SkipEmpty());
      if (words.size() < 2) continue;
      const size_t last = words.size() - 1;
      std::vector<size_t> parts = {0, last};
      bool double_surname = false;
      // Two given names and two surnames ("Luz Adriana Quiñónez Mosquera"):
      // news calls her by the first surname.
      if (words.size() >= 4 && !family_first &&
          !absl::ascii_islower(static_cast<unsigned char>(words[words.size() - 2][0]))) {
        parts.push_back(words.size() - 2);
        double_surname = true;
      }
      // A given name and two surnames ("Jaime Riquelme Sepúlveda"): the
      // middle word, when it is no given name, is the first surname.
      if (words.size() == 3 && !family_first &&
          absl::ascii_isupper(static_cast<unsigned char>(words[1][0])) && !IsGivenName(words[1])) {
        parts.push_back(1);
        // And the two surnames together ("Ferreira Rubio"); a particle's
        // surname ("De Croo") is added below.
        if (!IsNameParticle(absl::AsciiStrToLower(words[1]))) {
          words.push_back(absl::StrCat(words[1], " ", words[2]));
          parts.push_back(words.size() - 1);
        }
      }
      // The first half of a hyphenated double surname ("Quiñónez" of
      // "Quiñónez-Mosquera"), when it is a word of its own.
      const size_t hyphen = words.back().find('-');
      if (hyphen != std::string::npos && hyphen >= 4 &&
          absl::ascii_isupper(static_cast<unsigned char>(words.back()[0]))) {
        words.push_back(words.back().substr(0, hyphen));
        parts.push_back(words.size() - 1);
      }
      // A surname with its particles ("De Croo" of "Herman De Croo", "van
      // der Leyen"), which news writes whole.
      size_t particles = last;
      while (particles > 1 && IsNameParticle(absl::AsciiStrToLower(words[particles - 1]))) {
        --particles;
      }
      if (particles < last) {
        words.push_back(absl::StrJoin(words.begin() + static_cast<std::ptrdiff_t>(particles),
                                      words.begin() + static_cast<std::ptrdiff_t>(last + 1), " "));
        parts.push_back(words.size() - 1);
      }
      // "Abdel Wahab" of "Mohammed Abdel Wahab": "Abd" ("servant of") and
      // the name after it are one name in Arabic, which news writes alone;
      // and the two surnames after two given names, together ("Perez
      // Alfonzo" of "Juan Pablo Perez Alfonzo").
      if (last >= 2 && (double_surname || IsAbdName(absl::AsciiStrToLower(words[last - 1])))) {
        words.push_back(absl::StrCat(words[last - 1], " ", words[last]));
        parts.push_back(words.size() - 1);
      }
      for (size_t i : parts) {
        const std::string& w = words[i];
        // Initials and short given names ("J.", "Al", "Ed") name too many
        // people; a family name written first may be short ("Xi", "Li").
        const size_t shortest = family_first && i == 0 ? 2 : 3;
        if (w.size() < shortest || w.back() == '.') continue;
        std::vector<NamedAt>& at = name_parts_[PartKey(w)];
        auto it = std::find_if(at.begin(), at.end(), [&](const NamedAt& x) {
          return x.actor == actor;
        });
        if (it == at.end()) {
          // Where people go by their first name, it is no given name to
          // keep from an honorific ("Dr Abiy").
          const bool given = (i == 0) != family_first && !(i == 0 && CalledByFirstName(a.country));
          at.push_back({actor, si, token, given});
        } else if (std::make_pair(si, token) <
                   std::make_pair(it->sentence, it->token)) {
          it->sentence = si;
          it->token = token;
        }
      }
    }
  }

  // 'm', 'f' or 0: an honorific the article used with the person ("Mrs
  // Clinton"), else the usual gender of their given name.
  char GenderOf(int actor) const {
    auto it = honorific_gender_.find(actor);
    if (it != honorific_gender_.end()) return it->second;
    return genders_ == nullptr ? 0 : genders_->NameGender(result_.actors[actor]);
  }
  char KbGender(int kb_index) const {
    if (genders_ == nullptr) return 0;
    const KbActor& k = kb_.actor(kb_index);
    ArticleActor a;
    a.name = k.name;
    a.type = k.type;
    a.country = k.country;
    return genders_->NameGender(a);
  }
  // True when `word` is usually a given name ("Rose", not "Newcomer").
  bool IsGivenName(absl::string_view word) const {
    return genders_ != nullptr && genders_->GivenNameGender(word) != 0;
  }
  // 'm', 'f' or 0 for the honorific token `text` ("Mrs", "Mr.").
  char HonorificGender(absl::string_view text) const {
    if (genders_ == nullptr) return 0;
    std::string lower = absl::AsciiStrToLower(text);
    lower.erase(std::remove(lower.begin(), lower.end(), '.'), lower.end());
    return genders_->HonorificGender(lower);
  }

  // Records, once per sentence, the first and last words of each run of
  // capitalised words ("César" and "Chávez" of "César Chávez", "Donald"
  // and "Trump" of "Donald John Trump") whose first word is no title,
  // honorific, function word or known non-person: the given names the
  // article uses with a surname, even where the tagger found no name.
  void NoteNamePairs(const SentenceTokens& s, int n) {
    const auto& t = s.tokens;
    for (int i = 0; i + 1 < n; ++i) {
      if (!IsNameToken(t[i]) || !IsNameToken(t[i + 1])) continue;
      int last = i + 1;
      while (last + 1 < n && IsNameToken(t[last + 1])) ++last;
      const int first = i;
      i = last;
      if (IsFunctionWord(first) || Facts(first).title_words > 0 ||
          IsTitleHead(t, first) ||
          Honorific(t, first) != claims::v1::ACTOR_TYPE_UNSPECIFIED) {
        continue;
      }
      if (const auto* m = FindKb(t, first, first + 1, false)) {
        if (std::any_of(m->begin(), m->end(), [&](const AliasMatch& am) {
              // Gazetteer names are too many to tell ("Cesar" is a
              // Colombian department).
              return am.kind != AliasKind::kGazetteer &&
                     kb_.actor(am.actor).type != claims::v1::PERSON;
            })) {
          continue;  // "Venezuelan Chávez", "Caracas Mayor"
        }
      }
      given_before_[PartKey(t[last].text)].insert(PartKey(t[first].text));
    }
  }

  // True when the article writes the surname `key` after a given name that
  // is none of the knowledge-base person's ("César Chávez" is not Hugo).
  // A given name of the other gender than an honorific's (`gender`, 'm',
  // 'f' or 0) is someone else's: "Mr Milei" beside "Karina Milei" is not
  // hers, so it does not take the name from the known Milei.
  bool NamesOtherPerson(const std::string& key, int kb_index, char gender) const {
    auto it = given_before_.find(key);
    if (it == given_before_.end()) return false;
    absl::flat_hash_set<std::string> own;
    for (const std::string& alias : kb_.actor(kb_index).aliases) {
      for (absl::string_view w : absl::StrSplit(alias, ' ', absl::SkipEmpty()))
        own.insert(PartKey(w));
    }
    return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& g) {
      if (own.contains(g)) return false;
      const char other = genders_ == nullptr ? 0 : genders_->GivenNameGender(g);
      return gender == 0 || other == 0 || other == gender;
    });
  }

  // The one person named in full before word `token` of sentence `si`
  // whose family name is `word`, or -1.
  int FamilyNameNamedBefore(absl::string_view word, int si, int token) const;
  // The person a lone given name t[a] names after a blood relative's word
  // and its owner ("his son Ilham", "Razak's eldest son, Najib"): the given
  // name with the owner's family name, or -1.
  int KinNamed(int si, const std::vector<Token>& t, int a);
  int ShortName(absl::string_view word, int si, int token, char gender,
                absl::string_view honorific, const std::string& title,
                const std::vector<AliasMatch>* kb, std::string* evidence);
  // Of `actors` (in the order the article named them), the one with the
  // most mentions so far; the first of equals.
  int MostMentioned(const std::vector<int>& actors) const;
  // True when a name the article gave the actor so far has `word` after a
  // particle: a compound surname ("Fernández de Kirchner").
  bool WritesInCompound(int actor, absl::string_view word) const;
  // True when the article has called the actor by another word alone of a
  // name it gave them in full with `word` ("Yameen" of "Abdulla Yameen
  // Abdul Gayoom": "Gayoom" is someone else).
  bool CalledByOtherName(int actor, absl::string_view word) const;
  // True when two of `actors` were first named in full in one sentence
  // with an "and" between them: coordinated, as equals.
  bool NamedAsEquals(const std::string& key, const std::vector<int>& actors) const;

  // True when written[from, end) is a second surname with its particle
  // ("de Gortari" of "Raul Salinas de Gortari", "de la Madrid"): a Spanish
  // or Portuguese particle and at most two more words. Only these of the
  // name particles: "Abdul Aziz" is not "Abdul Aziz bin Talal", whose
  // "bin" names his father.
  static bool IsSecondSurname(const std::vector<absl::string_view>& written, size_t from) {
    static constexpr absl::string_view kParticles[] = {"de", "del", "da", "do", "dos", "das"};
    const size_t rest = written.size() - from;
    if (rest < 2 || rest > 3) return false;
    const std::string first = absl::AsciiStrToLower(written[from]);
    return std::find(std::begin(kParticles), std::end(kParticles), first) !=
               std::end(kParticles) &&
           !IsGenerationalSuffix(written.back());
  }

  // The person of the article whose full name this several-word name
  // shortens, same first and last word ("Joshua Norton" of "Joshua Abraham
  // Norton"), or without the last of three or more ("Eduardo Frei" of
  // "Eduardo Frei Montalva": a Spanish name's second surname; not a
  // generational suffix, which tells a son from his father) or without a
  // second surname with its particle ("Raul Salinas" of "Raul Salinas de
  // Gortari"), or -1. Of several such people, the one named in full before
  // word `token` of sentence `si`; of several named before, the most
  // mentioned (the story's own "Raul Salinas" beside his father "Raul
  // Salinas Lozano").
  int NameVariantOf(absl::string_view name, int si, int token) const {
    std::vector<std::string> words;
    for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty()))
      words.push_back(PartKey(w));
    if (words.size() < 2) return -1;
    std::vector<int> found;
    for (size_t i = 0; i < result_.actors.size(); ++i) {
      if (ShortensName(words, result_.actors[i])) found.push_back(static_cast<int>(i));
    }
    if (found.size() <= 1) return found.empty() ? -1 : found[0];
    std::vector<int> before;
    auto it = name_parts_.find(words.front());
    for (int actor : found) {
      if (it != name_parts_.end() &&
          std::any_of(it->second.begin(), it->second.end(), [&](const NamedAt& n) {
            return n.actor == actor && n.Before(si, token);
          })) {
        before.push_back(actor);
      }
    }
    return before.empty() ? -1 : MostMentioned(before);
  }
  // Whether `words` (PartKeys) shorten the person's name as NameVariantOf
  // says.
  static bool ShortensName(const std::vector<std::string>& words, const ArticleActor& a) {
    if (a.type != claims::v1::PERSON) return false;
    std::vector<absl::string_view> written = absl::StrSplit(a.name, ' ', absl::SkipEmpty());
    std::vector<std::string> full;
    for (absl::string_view w : written) full.push_back(PartKey(w));
    if (full.size() > words.size() && std::equal(words.begin(), words.end(), full.begin()) &&
        (full.size() == words.size() + 1 ? !IsGenerationalSuffix(written.back())
                                         : IsSecondSurname(written, words.size()))) {
      return true;
    }
    return full.size() > words.size() && full.front() == words.front() &&
           full.back() == words.back() &&
           std::all_of(words.begin(), words.end(), [&](const std::string& w) {
             return std::find(full.begin(), full.end(), w) != full.end();
           });
  }

  // The one actor of the article that `matches`, or -1 (none or several).
  template <typename Matches>
  int TheOneActor(Matches matches) const {
    int found = -1;
    for (size_t i = 0; i < result_.actors.size(); ++i) {
      if (!matches(result_.actors[i])) continue;
      if (found >= 0) return -1;
      found = static_cast<int>(i);
    }
    return found;
  }

  // "the Socialists", "Conservatives", "Greens": a capitalised plural
  // whose singular begins a word of the name of the one party the article
  // has named ("Hungarian Socialist Party", "Conservative Party") names
  // that party; -1 when none or several fit.
  int PartyOfMembers(const Token& w) const {
    if (!w.capitalized || w.all_caps || w.text.size() < 5 || w.text.back() != 's') return -1;
    const absl::string_view singular = absl::string_view(w.text).substr(0, w.text.size() - 1);
    int found = -1;
    for (int i = 0; i < static_cast<int>(result_.actors.size()); ++i) {
      const ArticleActor& a = result_.actors[i];
      if (a.type != claims::v1::ORGANIZATION || a.mention_count == 0 ||
          (a.kind != "party" && !absl::EndsWith(a.name, " Party"))) {
        continue;
      }
      for (absl::string_view word : absl::StrSplit(a.name, ' ')) {
        if (word != "Party" && absl::StartsWith(word, singular)) {
          if (found >= 0 && found != i) return -1;
          found = i;
        }
      }
    }
    return found;
  }

  // True when the article has named, before t[a] of sentence `si`, another
  // person the knowledge base knows than `kb_index`, whose name holds every
  // word of t[a, b) (a person it does not know may be `kb_index` spelt
  // otherwise).
  bool NamedOtherBefore(int kb_index, const std::vector<Token>& t, int a, int b, int si) const {
    std::vector<int> common;
    for (int k = a; k < b; ++k) {
      auto it = name_parts_.find(PartKey(t[k].text));
      if (it == name_parts_.end()) return false;
      std::vector<int> here;
      for (const NamedAt& n : it->second) {
        const int other = result_.actors[n.actor].kb_index;
        if (n.Before(si, a) && other >= 0 && other != kb_index) here.push_back(n.actor);
      }
      if (k == a) {
        common = here;
      } else {
        common.erase(std::remove_if(common.begin(), common.end(),
                                    [&](int x) {
                                      return std::find(here.begin(), here.end(), x) == here.end();
                                    }),
                     common.end());
      }
    }
    return !common.empty();
  }

  // True when a person of the article so far has `key` (a PartKey) as the
  // last word of their name.
  bool NamesPerson(const std::string& key) const {
    return std::any_of(result_.actors.begin(), result_.actors.end(), [&](const ArticleActor& a) {
      return a.type == claims::v1::PERSON && PartKey(LastWord(a.name)) == key;
    });
  }

  // The one organisation the article discovered whose name, without its
  // legal form, begins with this shorter name or is it ("Hadiwijaya Sawit"
  // of "PT Hadiwijaya Sawit Lestari", "Sinar Sawit" of "Sinar Sawit Bhd"),
  // or -1. With `words_left_out`, a name of two words or more may also
  // leave words out anywhere ("Minera Tambopata" of "Minera Aurífera
  // Tambopata S.A.C."); only for a span typed an organisation ("Carlos
  // Slim" is not "Fundación Carlos Slim"). The name must hold a word that
  // is not a dictionary word ("Sawit", not "National").
  int OrganisationShortened(absl::string_view name, bool words_left_out = false) const {
    std::vector<std::string> words;
    bool name_like = false;
    for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
      words.push_back(PartKey(w));
      name_like = name_like || !lex_.IsDictionaryWord(words.back());
    }
    if (words.empty() || !name_like) return -1;
    return TheOneActor([&](const ArticleActor& a) {
      if (a.type != claims::v1::ORGANIZATION || a.kb_index >= 0) return false;
      std::vector<std::string> full;
      size_t all = 0;
      for (absl::string_view w : absl::StrSplit(a.name, ' ', absl::SkipEmpty())) {
        std::string key = PartKey(w);
        ++all;
        if (!lex_.IsLegalForm(key)) full.push_back(std::move(key));
      }
      if (all <= words.size() || full.size() < words.size()) return false;
      if (std::equal(words.begin(), words.end(), full.begin())) {
        // "Mo Ibrahim" of "Mo Ibrahim Foundation" is the man it is named
        // for: a person's name (a given name first, or the family name of
        // a person the article names), and only the head noun left out;
        // so is "Niels Bohr" of "Niels Bohr Building" where the tagger
        // did not read the name as an organisation's.
        return !(words.size() >= 2 && full.size() == words.size() + 1 &&
                 (IsOrganisationHead(LastWord(a.name)) || !words_left_out) &&
                 (IsGivenName(words[0]) || NamesPerson(words.back())));
      }
      if (!words_left_out || words.size() < 2) return false;
      auto at = full.begin();
      for (const std::string& w : words) {
        at = std::find(at, full.end(), w);
        if (at == full.end()) return false;
        ++at;
      }
      return true;
    });
  }

  // The one sports club the article named whose name of two words or more
  // begins or ends with this one word: sports writing calls a club so
  // once it has named it in full ("United" after "Manchester United",
  // "Bayern" after "Bayern Munich"). -1 for a word the name of a person of
  // the article holds ("Charlton" beside Bobby Charlton and Charlton
  // Athletic), or when two clubs have it.
  int ClubShortened(absl::string_view word) const {
    const std::string key = PartKey(word);
    if (name_parts_.contains(key)) return -1;
    return TheOneActor([&](const ArticleActor& a) {
      if (a.kind != "club" || a.mention_count == 0) return false;
      const std::vector<absl::string_view> words = absl::StrSplit(a.name, ' ', absl::SkipEmpty());
      return words.size() >= 2 && (PartKey(words.front()) == key || PartKey(words.back()) == key);
    });
  }

  // The organisation named earlier in this pass whose name this one word
  // shortens: a company named for a family goes by the family name
  // ("Makela" after "Makela Sahat Oy", though "Veikko Makela" founded it
  // later in the article). Once a person of that family name has been
  // named, only a bare use of the word for the company before keeps it the
  // company ("Makela had sales ..."); -1 otherwise.
  int OrganisationNamedBefore(absl::string_view word, int si, int token) const {
    const int org = OrganisationShortened(word);
    if (org < 0) return -1;
    const std::string key = PartKey(word);
    bool named = false, bare = false;
    for (const FoundMention& m : result_.mentions) {
      if (m.actor != org) continue;
      named = true;
      bare = bare || PartKey(body_.substr(m.start, m.end - m.start)) == key;
    }
    if (!named) return -1;
    if (bare) return org;
    auto it = name_parts_.find(key);
    if (it == name_parts_.end()) return org;
    const bool person_before = std::any_of(it->second.begin(), it->second.end(), [&](const NamedAt& n) {
      return !n.given && n.Before(si, token);
    });
    return person_before ? -1 : org;
  }

  // The one organisation of the article with the word `word` in its name,
  // or -1.
  int OrganisationHolding(absl::string_view word) const {
    const std::string key = PartKey(word);
    return TheOneActor([&](const ArticleActor& a) {
      if (a.type != claims::v1::ORGANIZATION) return false;
      for (absl::string_view w : absl::StrSplit(a.name, ' ', absl::SkipEmpty())) {
        if (PartKey(w) == key) return true;
      }
      return false;
    });
  }

  // "The Brotherhood" after "the Muslim Brotherhood", "the Reserve Bank"
  // after "the South African Reserve Bank": the one organisation of the
  // article whose longer name ends in these words, or -1.
  int OrganisationByHead(absl::string_view words) const {
    const std::string key = FoldedWords(words);
    return TheOneActor([&](const ArticleActor& a) {
      if (a.type != claims::v1::ORGANIZATION) return false;
      const std::string name = FoldedWords(a.name);
      return name.size() > key.size() && absl::EndsWith(name, key) &&
             name[name.size() - key.size() - 1] == ' ';
    });
  }
  // The PartKeys of a name's words, joined by spaces.
  static std::string FoldedWords(absl::string_view name) {
    std::string out;
    for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
      if (!out.empty()) out.push_back(' ');
      out += PartKey(w);
    }
    return out;
  }

  // The one organisation of the article whose name's capitalised words
  // have `acronym` as initials ("Freedom and Justice Party" for "FJP"),
  // or -1.
  int OrganisationByInitials(absl::string_view acronym) const {
    if (acronym.size() < 2 || acronym.size() > 6) return -1;
    return TheOneActor([&](const ArticleActor& a) {
      if (a.type != claims::v1::ORGANIZATION) return false;
      std::string initials;
      for (absl::string_view w : absl::StrSplit(a.name, absl::ByAnyChar(" -"), absl::SkipEmpty())) {
        if (absl::ascii_isupper(static_cast<unsigned char>(w[0]))) initials.push_back(w[0]);
      }
      return initials == acronym;
    });
  }

  // True when `text` is only the first word of the actor's several-word
  // name ("Benjamin" of "Benjamin Netanyahu"): a given name alone is no
  // alias, as it names many people.
  bool IsGivenNameOf(int actor, absl::string_view text) const {
    const std::string& name = result_.actors[actor].name;
    if (result_.actors[actor].type != claims::v1::PERSON) return false;
    const size_t space = name.find(' ');
    return space != std::string::npos && absl::string_view(name).substr(0, space) == text;
  }


  // True when the knowledge-base actor holds an office at the article date.
  bool InOffice(int kb_index) const {
    if (date_.empty()) return false;
    for (int o : kb_.actor(kb_index).offices) {
      const KbOffice& office = kb_.offices()[o];
      if (office.start <= date_ && (office.end.empty() || date_ < office.end)) return true;
    }
    return false;
  }

  // True when the known person held an office that ended in the `years`
  // before the article's date.
  bool LeftOfficeWithin(int kb_index, int years) const {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(date_, &day)) return false;
    const std::string since =
        absl::FormatCivilTime(absl::CivilDay(day.year() - years, day.month(), day.day()));
    for (int o : kb_.actor(kb_index).offices) {
      const KbOffice& office = kb_.offices()[o];
      if (!office.end.empty() && since <= office.end && office.end <= date_) return true;
    }
    return false;
  }

  // "Ethiopian has ordered ten Dreamliners" after "Ethiopian Airlines": a
  // demonym used as a noun (no noun, adjective or number after it) is the
  // one organisation of the article whose name it opens. Adds that mention
  // of word i and returns true, or returns false.
  bool AddOrganisationOpenedByDemonym(int si, const SentenceTokens& s, int i) {
    const int org = OrganisationOpenedByDemonym(s, i);
    if (org < 0) return false;
    AddMention(si, s, i, i + 1, claims::v1::ORGANIZATION, org, "article:organisation-short");
    return true;
  }
  int OrganisationOpenedByDemonym(const SentenceTokens& s, int i) const {
    const auto& t = s.tokens;
    if (s.words.size() != t.size()) return -1;
    if (i + 1 < static_cast<int>(t.size())) {
      const syntax::Upos next = s.words[i + 1].upos;
      if (next == syntax::Upos::kNoun || next == syntax::Upos::kPropn ||
          next == syntax::Upos::kAdj || next == syntax::Upos::kNum) {
        return -1;
      }
    }
    const std::string key = PartKey(t[i].text);
    return TheOneActor([&](const ArticleActor& a) {
      if (a.type != claims::v1::ORGANIZATION) return false;
      const std::vector<absl::string_view> words = absl::StrSplit(a.name, ' ', absl::SkipEmpty());
      return words.size() >= 2 && PartKey(words[0]) == key;
    });
  }

  // The knowledge-base actor whose demonym `word` is, or -1.
  int DemonymOf(absl::string_view word) const {
    const std::vector<AliasMatch>* m = kb_.Find(word);
    if (m == nullptr) return -1;
    for (const AliasMatch& am : *m) {
      if (am.kind == AliasKind::kDemonym) return am.actor;
    }
    return -1;
  }

  // True when the known person reigned (held a regnal title).
  bool IsMonarch(int kb_index) const {
    for (int o : kb_.actor(kb_index).offices) {
      if (kb_.IsRegnalTitle(kb_.offices()[o].title)) return true;
    }
    return false;
  }

  // True when mention `m` tells what the article is about: not the
  // byline's people, nor a picture caption's.
  bool CountsForFocus(const FoundMention& m) const {
    return !authors_.contains(m.actor) && !caption_sentences_.contains(m.sentence);
  }

  // A surname alone in another romanisation ("Ahmadinezhad") names the
  // known person only when the article named them already or they hold an
  // office at its date: a name that merely sounds alike is someone else's
  // ("Tremblay" is no "Trimble").
  bool VariantSurnameFits(int kb_index) const {
    return kb_to_actor_.contains(kb_index) || InOffice(kb_index);
  }

  // How `matches` name the knowledge-base actor `k` (its strongest kind).
  static AliasKind KindOf(const std::vector<AliasMatch>& matches, int k) {
    AliasKind kind = AliasKind::kGazetteer;
    for (const AliasMatch& am : matches) {
      if (am.actor == k && am.kind < kind) kind = am.kind;
    }
    return kind;
  }

  // Whether country `iso` (alpha-3; "" for none known) is the article's
  // focus or one it has named.
  bool CountryInPlay(const std::string& iso) const {
    if (iso.empty() || iso == FocusCountry()) return true;
    const int country = kb_.IndexOf(iso);
    return country >= 0 && kb_to_actor_.contains(country);
  }

  // The dateline's country, or else the country the article's mentions
  // name most (in the first pass, those so far; first named wins a tie);
  // "" when none is known.
  std::string FocusCountry() const {
    if (!dateline_country_.empty()) return dateline_country_;
    for (const std::string& owner : focus_owners_) {
      if (owner.size() == 3) return owner;  // not a region ("GB-SCT")
    }
    std::vector<std::pair<std::string, int>> counts;  // in order first named
    for (const FoundMention& m : result_.mentions) {
      if (m.actor < 0) continue;
      const std::string& country = result_.actors[m.actor].country;
      if (country.empty() || !CountsForFocus(m)) continue;
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](const auto& c) { return c.first == country; });
      if (it == counts.end()) {
        counts.emplace_back(country, 1);
      } else {
        ++it->second;
      }
    }
    auto best = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
      return a.second < b.second;  // the first of equals stays
    });
    return best == counts.end() ? "" : best->first;
  }

  // Picks among knowledge-base candidates for one surface form: of type
  // `wanted` when that is PERSON, of any other type when it is another
  // actor type, of any type when it is unspecified; -1 when none fits.
  // A namesake of `qualifier` (a country's id: "Uruguay's Colorado Party")
  // wins over any other.
  int ChooseKb(const std::vector<AliasMatch>& matches, ActorType wanted,
               absl::string_view qualifier = "") {
    int best = -1;
    int best_score = -1000;
    const std::string focus = matches.size() > 1 ? FocusCountry() : "";
    for (const AliasMatch& m : matches) {
      const KbActor& k = kb_.actor(m.actor);
      if (wanted != claims::v1::ACTOR_TYPE_UNSPECIFIED &&
          (wanted == claims::v1::PERSON) != (k.type == claims::v1::PERSON)) {
        continue;
      }
      // Gazetteer entries (cities, subdivisions) only name places.
      if (m.kind == AliasKind::kGazetteer && wanted != claims::v1::LOCATION &&
          wanted != claims::v1::ACTOR_TYPE_UNSPECIFIED) {
        continue;
      }
      int score = -static_cast<int>(m.kind) * 10;
      if (kb_to_actor_.contains(m.actor)) score += 25;
      if (InOffice(m.actor)) {
        score += 8;
      } else if (LeftOfficeWithin(m.actor, 2)) {
        // Of namesakes none in office, the one who left office in the last
        // two years, as for surnames (ShortName): "Anastasio Somoza" in 1980
        // is the son ousted in 1979, not the father killed in 1956.
        score += 4;
      }
      // Of namesakes, the one of the dateline's country ("Congress" in a
      // NEW DELHI story is the party), or else of the country the article
      // names most ("NPP" after "Ghanaians" and "Ghanaian").
      if (!k.country.empty() && k.country == focus) score += 5;
      if (!k.country.empty() && k.country == qualifier) score += 100;
      if (score > best_score) {
        best_score = score;
        best = m.actor;
      }
    }
    return best;
  }

  // ChooseKb's pick, only where the form is its own name or one of its
  // aliases (not a surname or a gazetteer town's name); -1 otherwise.
  int ChooseKbByOwnName(const std::vector<AliasMatch>& matches, ActorType wanted) {
    const int k = ChooseKb(matches, wanted);
    return k >= 0 && KindOf(matches, k) > AliasKind::kAlias ? -1 : k;
  }

  // An acronym is of many organisations the world over ("SDF": the Syrian
  // Democratic Forces and Cameroon's Social Democratic Front), and so is a
  // name the knowledge base knows for organisations of several countries
  // ("Senate": the American, French and Italian ones): the knowledge
  // base's organisation of one country is not the one meant in an article
  // about another country that never names the first.
  bool ForeignOrganisation(int kb_index) const {
    const KbActor& k = kb_.actor(kb_index);
    if (k.type != claims::v1::ORGANIZATION || k.country.size() != 3) return false;
    const std::string focus = FocusCountry();
    if (focus.empty() || focus == k.country) return false;
    const int country = kb_.IndexOf(k.country);
    return country < 0 || !kb_to_actor_.contains(country);
  }

  // "the opposition Socialist Party" in an article about Albania: the
  // knowledge base's organisation of the article's country named so with
  // the country ("Socialist Party of Albania", "Hungarian Socialist
  // Party"), or -1.
  int OrganisationOfFocusCountry(const std::string& name) const {
    const std::string focus = FocusCountry();
    const int country = focus.empty() ? -1 : kb_.IndexOf(focus);
    if (country < 0) return -1;
    for (const std::string& c : kb_.actor(country).aliases) {
      for (const std::string& full : {absl::StrCat(name, " of ", c), absl::StrCat(c, " ", name)}) {
        const auto* m = kb_.Find(full);
        if (m == nullptr) continue;
        for (const AliasMatch& am : *m) {
          const KbActor& k = kb_.actor(am.actor);
          if (k.type == claims::v1::ORGANIZATION && k.country == focus) return am.actor;
        }
      }
    }
    return -1;
  }

  // True when `matches` hold organisations of at least two countries.
  bool OfSeveralCountries(const std::vector<AliasMatch>& matches) const {
    const std::string* first = nullptr;
    for (const AliasMatch& am : matches) {
      const KbActor& k = kb_.actor(am.actor);
      if (k.type != claims::v1::ORGANIZATION || k.country.empty()) continue;
      if (first == nullptr) {
        first = &k.country;
      } else if (*first != k.country) {
        return true;
      }
    }
    return false;
  }

  // "Charles McArthur Emmanuel, 31, who is better known as Chuckie Taylor
  // or Charles Taylor Jr.": a person's name right after "known as", or
  // after "or" right after such a name, is another name of the person the
  // sentence named last before it; -1 when there is none.
  int KnownAsPerson(int si, const std::vector<Token>& t, int a) const {
    if (a >= 1 && t[a - 1].lower == "or" && known_as_.sentence == si &&
        known_as_.end == a - 1) {
      return known_as_.actor;
    }
    if (a < 2 || t[a - 1].lower != "as" || t[a - 2].lower != "known") return -1;
    for (auto it = result_.mentions.rbegin();
         it != result_.mentions.rend() && it->sentence == si; ++it) {
      if (it->last_token <= a - 2 && it->actor >= 0 && it->is_name &&
          result_.actors[it->actor].type == claims::v1::PERSON) {
        return it->actor;
      }
    }
    return -1;
  }

  // Of `people` (first office start, actor), the one whose name ends in
  // "Sr." when `elder`, else in "Jr." (or "III"), or failing suffixes the
  // one named as a parent or as a child; with two people, the other one of
  // the opposite. -1 when neither tells.
  int ByGenerationCue(const std::vector<std::pair<std::string, int>>& people, bool elder) const {
    int senior = -1, junior = -1;
    for (const auto& p : people) {
      const std::string& name = result_.actors[p.second].name;
      const absl::string_view last = LastWord(name);
      if (!IsGenerationalSuffix(last)) continue;
      int& slot = IsSeniorSuffix(last) ? senior : junior;
      slot = slot == -1 ? p.second : -2;  // -2: several
    }
    // Else a parent or a child the article named as one.
    if (senior == -1 && junior == -1) {
      for (const auto& p : people) {
        auto it = kin_.find(p.second);
        if (it == kin_.end()) continue;
        int& slot = it->second ? senior : junior;
        slot = slot == -1 ? p.second : -2;
      }
    }
    const int wanted = elder ? senior : junior, opposite = elder ? junior : senior;
    if (wanted >= 0) return wanted;
    if (wanted == -1 && opposite >= 0 && people.size() == 2) {
      return people[0].second == opposite ? people[1].second : people[0].second;
    }
    return -1;
  }

  // Of the people named before word `token` of sentence `si` with the
  // family name `word`, two or more, the elder (or younger): by a
  // generation cue (ByGenerationCue), else the one whose
  // first office in the knowledge base began first (last); of two, one
  // with offices and one without, the one with them is the elder (a
  // famous father, a son the base does not know). -1 when it cannot tell.
  int ElderOrYounger(int si, int token, absl::string_view word, bool elder) const {
    auto it = name_parts_.find(PartKey(word));
    if (it == name_parts_.end()) return -1;
    std::vector<std::pair<std::string, int>> people;  // first office start, actor
    for (const NamedAt& n : it->second) {
      if (n.given || !n.Before(si, token) ||
          result_.actors[n.actor].type != claims::v1::PERSON ||
          std::any_of(people.begin(), people.end(), [&](const auto& p) { return p.second == n.actor; })) {
        continue;
      }
      // Offices taken after the article's date say nothing of who is the
      // elder ("the younger Tshisekedi" in 2011: Félix, president from 2019).
      std::string first;
      if (const int k = result_.actors[n.actor].kb_index; k >= 0) {
        for (int o : kb_.actor(k).offices) {
          const std::string& start = kb_.offices()[static_cast<size_t>(o)].start;
          if (!date_.empty() && start > date_) continue;
          if (first.empty() || start < first) first = start;
        }
      }
      people.emplace_back(first, n.actor);
    }
    if (people.size() < 2) return -1;
    if (const int by_cue = ByGenerationCue(people, elder); by_cue >= 0) return by_cue;
    const long known = std::count_if(people.begin(), people.end(),
                                     [](const auto& p) { return !p.first.empty(); });
    if (known == static_cast<long>(people.size())) {
      std::sort(people.begin(), people.end());
      if (people[0].first == people[1].first) return -1;
      return elder ? people.front().second : people.back().second;
    }
    if (people.size() == 2 && known == 1) {
      const bool first_known = !people[0].first.empty();
      return (first_known == elder) ? people[0].second : people[1].second;
    }
    return -1;
  }

  struct KnownAs {
    int sentence = -1;
    int end = -1;  // the token after the name
    int actor = -1;
  } known_as_;

  // The end of the longest name the knowledge base has as a name or alias
  // (no surname alone, no bulk gazetteer entry) that starts at t[a] and
  // ends in (least, most], or -1; *matches, when given, its actors.
  int KnownNameEnd(const std::vector<Token>& t, int a, int least, int most,
                   const std::vector<AliasMatch>** matches = nullptr) {
    for (int e = std::min(most, static_cast<int>(t.size())); e > least; --e) {
      const std::vector<AliasMatch>* m = FindKb(t, a, e, false);
      if (m != nullptr && m->front().kind <= AliasKind::kAlias) {
        if (matches != nullptr) *matches = m;
        return e;
      }
    }
    return -1;
  }

  // Whether such a name starts at t[i].
  bool KnownNameAt(const std::vector<Token>& t, int i) {
    return KnownNameEnd(t, i, i, i + Facts(i).alias_words) >= 0;
  }

  // The country a possessive or demonym right before t[a] names
  // ("Uruguay's | Colorado Party", "Paraguayan | Colorado Party"), or "".
  std::string QualifyingCountry(const std::vector<Token>& t, int a, int si) {
    int w = a - 1;
    const bool possessive = w >= 1 && t[w].possessive;
    if (possessive) --w;
    if (w < 0 || !t[w].capitalized) return "";
    // "Prime Minister Antonio Costa's Socialist Party": the owner's country.
    if (possessive) {
      for (auto it = result_.mentions.rbegin(); it != result_.mentions.rend(); ++it) {
        if (it->sentence != si) break;
        if (it->last_token == w + 1 && it->type == claims::v1::PERSON && it->actor >= 0) {
          return result_.actors[static_cast<size_t>(it->actor)].country;
        }
      }
    }
    const std::vector<AliasMatch>* m = kb_.Find(t[w].text);
    if (m == nullptr) return "";
    for (const AliasMatch& am : *m) {
      const KbActor& k = kb_.actor(am.actor);
      if (k.kind == "country" && (am.kind <= AliasKind::kAlias || am.kind == AliasKind::kDemonym)) {
        return k.country.empty() ? k.id : k.country;
      }
    }
    return "";
  }

  // Whether a known person other than `kb_index` has the given name
  // `first` and the family name `last`.
  bool FamilyNamesake(int kb_index, absl::string_view first, absl::string_view last) const {
    const std::vector<AliasMatch>* family = kb_.Find(last);
    if (family == nullptr) return false;
    return std::any_of(family->begin(), family->end(), [&](const AliasMatch& am) {
      const KbActor& k = kb_.actor(am.actor);
      return am.actor != kb_index && k.type == claims::v1::PERSON &&
             absl::StartsWith(k.name, absl::StrCat(first, " "));
    });
  }

  // The end of the longest known name starting at t[a] (KnownNameEnd)
  // when only organisations have it, else -1.
  int KnownOrganisationEnd(const std::vector<Token>& t, int a, int n) {
    const std::vector<AliasMatch>* m = nullptr;
    const int end = KnownNameEnd(t, a, a, std::min(a + Facts(a).alias_words + 1, n), &m);
    return end >= 0 && OnlyOrganisations(m) ? end : -1;
  }

  // Whether `matches` are some, and all organisations.
  bool OnlyOrganisations(const std::vector<AliasMatch>* matches) const {
    return matches != nullptr && std::all_of(matches->begin(), matches->end(), [&](const AliasMatch& am) {
             return kb_.actor(am.actor).type == claims::v1::ORGANIZATION;
           });
  }

  // Knowledge-base actors of the surface t[a, b); when `folded`, ignoring
  // case if the exact form is unknown (*exact tells which matched); when
  // `variants`, people named in another romanisation as a last resort
  // ("Ahmadinezhad", KnowledgeBase::FindVariant; variant_ tells). A variant
  // result lives in variant_matches_ until the next call.
  const std::vector<AliasMatch>* FindKb(const std::vector<Token>& t, int a,
                                        int b, bool folded,
                                        bool* exact = nullptr,
                                        bool variants = false) {
    JoinTo(t, a, b, &key_);
    variant_ = false;
    const auto* m = kb_.Find(key_);
    // A spelling without (or with) the diacritics of an alias is the same
    // name: "Erdogan", "Walesa".
    if (m == nullptr) m = kb_.FindUnaccented(key_);
    if (exact != nullptr) *exact = m != nullptr;
    if (m == nullptr && folded) m = kb_.FindFolded(key_);
    // An organisation's acronym written as a word ("Ano" of "ANO", as
    // British style writes "Nato"): a capitalised word of three to six
    // letters that is no word of the language, when only organisations
    // have it as an acronym.
    if (m == nullptr && b - a == 1 && t[a].capitalized && !t[a].all_caps &&
        t[a].text.size() >= 3 && t[a].text.size() <= 6 && !IsDictionaryWord(t, a)) {
      const auto* upper = kb_.Find(absl::AsciiStrToUpper(key_));
      if (OnlyOrganisations(upper)) m = upper;
    }
    // An organisation's acronym written with full stops ("H.R.P.P.",
    // "F.A.S.T."), as older and some regional style does: the letters.
    if (m == nullptr && b - a == 1 && IsDottedAcronym(t[a].text)) {
      const auto* letters = kb_.Find(absl::StrReplaceAll(key_, {{".", ""}}));
      if (OnlyOrganisations(letters)) m = letters;
    }
    // A known name written with a hyphen inside ("Ahmadi-Nejad").
    if (m == nullptr && variants && key_.find('-') != std::string::npos) {
      m = kb_.FindFolded(absl::StrReplaceAll(key_, {{"-", ""}}));
      variant_ = m != nullptr;
    }
    // A common English word ("Power" opening a sentence) is that word, not
    // another romanisation of a name ("Pawar"); a given name alone
    // ("Karina") is that name, not a surname it resembles ("Guerini").
    if (m == nullptr && variants && !t[a].all_caps &&
        !(b - a == 1 && (lex_.IsCommonWord(t[a].lower) || IsGivenName(t[a].text)))) {
      variant_matches_ = kb_.FindVariant(key_);
      // Romanisations meet coarsely ("Gao Qiang" and "Chi Cong" share a
      // skeleton): in an article about a country, another spelling is
      // taken only for someone of it or of a country it has named.
      if (!FocusCountry().empty()) {
        variant_matches_.erase(std::remove_if(variant_matches_.begin(), variant_matches_.end(),
                                              [&](const AliasMatch& am) {
                                                return !CountryInPlay(kb_.actor(am.actor).country);
                                              }),
                               variant_matches_.end());
      }
      if (!variant_matches_.empty()) {
        m = &variant_matches_;
        variant_ = true;
      }
    }
    // A son's suffix the knowledge base leaves out ("Tommy Remengesau Jr."
    // of "Tommy Remengesau"), when one person has the name without it and
    // no other known person has its first and last names ("George Bush
    // Jr." is not the George Bush of George H. W. Bush, for George W.
    // Bush). Not "Sr.": the name without it is as often the son's.
    if (m == nullptr && b - a >= 3 && IsGenerationalSuffix(t[b - 1].text) &&
        !IsSeniorSuffix(t[b - 1].text)) {
      const std::vector<AliasMatch>* shorter = FindKb(t, a, b - 1, folded, exact, false);
      if (shorter != nullptr) {
        suffix_matches_.clear();
        for (const AliasMatch& am : *shorter) {
          if (kb_.actor(am.actor).type == claims::v1::PERSON) suffix_matches_.push_back(am);
        }
        if (suffix_matches_.size() == 1 &&
            !FamilyNamesake(suffix_matches_[0].actor, t[a].text, t[b - 2].text)) {
          m = &suffix_matches_;
        }
      }
      JoinTo(t, a, b, &key_);
    }
    return m;
  }

  // The mention of tokens [a, b) of sentence `si`.
  static FoundMention MentionAt(int si, const SentenceTokens& s, int a, int b, ActorType type,
                                int actor, std::string evidence) {
    FoundMention m;
    m.start = s.tokens[a].start;
    m.end = s.tokens[b - 1].end;
    m.sentence = si;
    m.first_token = a;
    m.last_token = b;
    m.type = type;
    m.actor = actor;
    m.evidence = std::move(evidence);
    return m;
  }

  // Whether the name t[a, b) is introduced as someone's parent (true) or
  // child (false), for ElderOrYounger: "his father Vincent Bolloré", "her
  // son, Cyrille", "the son of (the late strongman) Omar Torrijos" (a
  // parent), "the mother of Jan" (a child), "Martin Torrijos, (the) son of
  // ..." (a child). Nothing when the words around say neither.
  static std::optional<bool> NamedAsParent(const std::vector<Token>& t, int a, int b) {
    auto parent_word = [](absl::string_view w) { return w == "father" || w == "mother"; };
    auto child_word = [](absl::string_view w) { return w == "son" || w == "daughter"; };
    int k = a - 1;
    if (k >= 0 && t[k].text == ",") --k;  // an apposition: "his father, X"
    if (k >= 0 && parent_word(t[k].lower)) return true;
    if (k >= 0 && child_word(t[k].lower)) return false;
    // "of" and the lower-case words of a description before the name.
    for (k = a - 1; k > 0 && a - k <= 5; --k) {
      if (t[k].lower == "of") {
        if (child_word(t[k - 1].lower)) return true;
        if (parent_word(t[k - 1].lower)) return false;
        break;
      }
      if (!t[k].is_word || t[k].capitalized) break;
    }
    // An apposition after the name: "X, (the) son of".
    const int n = static_cast<int>(t.size());
    k = b + 1;
    if (b < n && t[b].text == "," && k < n && (t[k].lower == "the" || t[k].lower == "a")) ++k;
    if (b < n && t[b].text == "," && k + 1 < n && t[k + 1].lower == "of") {
      if (child_word(t[k].lower)) return false;
      if (parent_word(t[k].lower)) return true;
    }
    // Or "X, the opposition leader's son": a possessive, then the word.
    for (k = b + 1; b < n && t[b].text == "," && k + 1 < n && k - b <= 6 && t[k].text != ",";
         ++k) {
      if (!absl::EndsWith(t[k].lower, "'s") && t[k].lower != "'") continue;
      if (child_word(t[k + 1].lower)) return false;
      if (parent_word(t[k + 1].lower)) return true;
      break;
    }
    return std::nullopt;
  }

  // Records how the words around a person's name t[a, b) introduce them,
  // which tells namesakes apart later: as a parent's or a child's (kin_),
  // and, after a full name, the title words of the apposition ("Johnny
  // Paul Koroma, the army major whose ...": "major", for "Major Koroma").
  void NoteIntroduction(const SentenceTokens& s, int a, int b, ActorType type, int actor) {
    if (actor < 0 || type != claims::v1::PERSON) return;
    const std::vector<Token>& t = s.tokens;
    if (const std::optional<bool> parent = NamedAsParent(t, a, b)) kin_.emplace(actor, *parent);
    const int n = static_cast<int>(t.size());
    if (b - a < 2 || b + 1 >= n || t[b].text != ",") return;
    for (int k = b + 1; k < n && k - b <= 5 && t[k].is_word && !t[k].capitalized; ++k) {
      if (lex_.IsTitleHead(t[k].lower)) described_as_[actor].insert(t[k].lower);
    }
  }

  void AddMention(int si, const SentenceTokens& s, int a, int b, ActorType type,
                  int actor, std::string evidence, bool is_name = true) {
    NoteIntroduction(s, a, b, type, actor);
    FoundMention m = MentionAt(si, s, a, b, type, actor, std::move(evidence));
    m.is_name = is_name;
    AddMention(std::move(m));
  }

  // "the Nigerian Coastal Fisheries Association (NCFA)": an acronym in
  // brackets right after an organisation's name is that organisation here
  // and in the rest of the article. Its letters need not be the English
  // name's initials ("Anti-Corruption Foundation (FBK)", "Doctors Without
  // Borders (MSF)") unless the knowledge base knows the acronym as another
  // actor's. Returns where scanning goes on: after the brackets, or `i`.
  int LinkAcronym(int si, const SentenceTokens& s, int i, int n) {
    const auto& t = s.tokens;
    if (i + 2 >= n || t[i].text != "(" || t[i + 2].text != ")" || !t[i + 1].all_caps ||
        result_.mentions.empty()) {
      return i;
    }
    const FoundMention& named = result_.mentions.back();
    if (named.sentence != si || named.last_token != i || named.actor < 0 ||
        result_.actors[named.actor].type != claims::v1::ORGANIZATION) {
      return i;
    }
    std::string initials;
    for (int w = named.first_token; w < named.last_token; ++w) {
      if (t[w].capitalized) initials.push_back(t[w].text[0]);
    }
    const absl::string_view acronym = t[i + 1].text;
    if (acronym.size() < 2 || acronym.size() > 6) return i;
    if (initials != acronym) {
      const std::vector<AliasMatch>* known = kb_.Find(acronym);
      if (known != nullptr &&
          std::none_of(known->begin(), known->end(), [&](const AliasMatch& am) {
            return am.actor == result_.actors[named.actor].kb_index;
          })) {
        return i;
      }
    }
    DefineAcronym(si, s, i + 1, named.actor, "article:acronym");
    return i + 3;
  }

  // The acronym t[i] names the organisation `actor`, here and in the rest
  // of the article.
  void DefineAcronym(int si, const SentenceTokens& s, int i, int actor, std::string evidence) {
    const auto& t = s.tokens;
    AddMention(si, s, i, i + 1, claims::v1::ORGANIZATION, actor, std::move(evidence));
    auto [it, inserted] = by_folded_name_.emplace(Lower(t[i].text), actor);
    if (!inserted && it->second != actor) it->second = -2;
    defined_acronyms_.emplace(t[i].text, actor);
  }

  // A company's legal form ("Ltd", "Co.", "S.A.C."). Dots left out:
  // "S.A.C." and "P.L.C." are "sac" and "plc".
  bool IsLegalFormWord(const Token& w) const {
    return lex_.IsLegalForm(absl::StrReplaceAll(w.lower, {{".", ""}}));
  }

  // True when an organisation's head noun or legal form is among t[a + 1,
  // b] ("Northpoint Aqua Ventures Inc."): the name is no person's.
  bool FirmWordIn(const std::vector<Token>& t, int a, int b) const {
    for (int w = a + 1; w <= b && w < static_cast<int>(t.size()); ++w) {
      if (IsOrganisationHead(t[w].text) || IsLegalFormWord(t[w])) return true;
    }
    return false;
  }

  // "the Marxist Salvador Allende", "the American James Rainwater": true
  // when t[a], a capitalised word that is no given name, describes the
  // person whose name of two words or more t[a + 1, b) is, whatever the
  // tagger typed the run (it often reads it as an organisation's name);
  // a demonym becomes its country's mention. The person's name is one the
  // knowledge base knows, or a given name and more after a demonym, an
  // adjective of the language or a word of the language opening the
  // sentence.
  bool DescribesPerson(int si, const SentenceTokens& s, int a, int b) {
    const auto& t = s.tokens;
    if (b - a < 3 || !t[a].capitalized || IsGivenName(t[a].text) ||
        s.words.size() != t.size() || FindKb(t, a, b, false) != nullptr) {
      return false;
    }
    const std::vector<AliasMatch>* m = FindKb(t, a + 1, b, false);
    const int k = m == nullptr ? -1 : ChooseKbByOwnName(*m, claims::v1::PERSON);
    const bool known = k >= 0 && kb_.actor(k).type == claims::v1::PERSON;
    const int country = DemonymOf(t[a].text);
    // A noun for a kind of person describes one wherever it stands
    // ("NEW YORK (AP) - Singer Miriam Makeba says").
    const bool person_noun =
        classes_ != nullptr &&
        classes_->Of(t[a].lower, syntax::Upos::kNoun) == syntax::WordClasses::kNounPerson;
    const bool described =
        IsGivenName(t[a + 1].text) &&
        (country >= 0 || (IsDictionaryWord(t, a) && (a == 0 || person_noun ||
                                                     s.words[a].upos == syntax::Upos::kAdj)));
    if (!known && !described) return false;
    if (country >= 0) {
      AddKbMention(si, s, a, a + 1, kb_.actor(country).type, ActorForKb(country),
                   kKindNames[static_cast<int>(AliasKind::kDemonym)], AliasKind::kDemonym);
    }
    return true;
  }

  // "the Rally of the Togolese People, known by its French initials RPT":
  // an acronym right after "initials", "acronym" or "abbreviation" is the
  // organisation the article named last (in this sentence or the one
  // before), here and in the rest of the article, unless the knowledge
  // base knows it.
  bool TryNamedInitials(int si, const SentenceTokens& s, int i) {
    const auto& t = s.tokens;
    if (i < 1 || !t[i].all_caps || t[i].text.size() < 2 || t[i].text.size() > 6) return false;
    const absl::string_view w = t[i - 1].lower;
    // One the knowledge base knows is the knowledge base's to link.
    if ((w != "initials" && w != "acronym" && w != "abbreviation") ||
        kb_.Find(t[i].text) != nullptr) {
      return false;
    }
    for (auto m = result_.mentions.rbegin(); m != result_.mentions.rend(); ++m) {
      if (m->sentence < si - 1) break;
      if (m->modifier || m->actor < 0 ||
          result_.actors[m->actor].type != claims::v1::ORGANIZATION) {
        continue;
      }
      DefineAcronym(si, s, i, m->actor, "article:initials-named");
      return true;
    }
    return false;
  }

  // A mention the knowledge base named, with how it did.
  void AddKbMention(int si, const SentenceTokens& s, int a, int b, ActorType type,
                    int actor, std::string evidence, AliasKind kind) {
    NoteIntroduction(s, a, b, type, actor);
    FoundMention m = MentionAt(si, s, a, b, type, actor, std::move(evidence));
    m.kb_kind = kind;
    AddMention(std::move(m));
  }

  // The known organisations named inside the tagger's other name t[a, b)
  // ("Fidesz 148", "Hou Yu-ih of the Kuomintang": the tagger ran a party's
  // name into its neighbours) as mentions of their own; false when none.
  // Only by their names and aliases: a surname or a place inside names
  // many other things ("Trump Tower", "Tour de France").
  bool AddOrganisationsWithin(int si, const SentenceTokens& s, int a, int b) {
    const auto& t = s.tokens;
    bool found = false;
    for (int w = a; b - a >= 2 && w < b; ++w) {
      if (!t[w].capitalized && !t[w].all_caps) continue;
      for (int k = std::min(Facts(w).alias_words, b - w); k >= 1; --k) {
        const auto* m = FindKb(t, w, w + k, false);
        const int org = m == nullptr ? -1 : ChooseKb(*m, claims::v1::ORGANIZATION);
        if (org < 0 || kb_.actor(org).type != claims::v1::ORGANIZATION ||
            KindOf(*m, org) > AliasKind::kAlias) {
          continue;
        }
        AddKbMention(si, s, w, w + k, claims::v1::ORGANIZATION, ActorForKb(org),
                     "kb:within-other-name", KindOf(*m, org));
        found = true;
        w += k - 1;
        break;
      }
    }
    return found;
  }

  // The known person named in apposition right after a title at t[te]
  // (", Alistair Darling,") and ending before t[ae] (AppositionNameEnd), or
  // -1.
  int AppositionHolder(const std::vector<Token>& t, int te, int ae) {
    if (ae < 0) return -1;
    const std::vector<AliasMatch>* m = FindKb(t, te + 1, ae, false, nullptr, true);
    const int k = m == nullptr ? -1 : ChooseKb(*m, claims::v1::PERSON);
    return k >= 0 && KindOf(*m, k) <= AliasKind::kAlias ? k : -1;
  }

  // The end of a name of two to three words in apposition right after
  // token te - 1 (", Moses Wetangula,"), or -1.
  int AppositionNameEnd(const std::vector<Token>& t, int te, int n) const {
    if (te + 2 >= n || t[te].text != "," || !IsNameToken(t[te + 1])) return -1;
    int ae = te + 1;
    while (ae < n && ae - te <= 4 && IsNameToken(t[ae]) && !IsNameStop(t[ae].lower)) ++ae;
    if (ae - te < 3 || (ae != n && t[ae].text != "," && t[ae].text != ".")) return -1;
    return ae;
  }

  // The country or organisation qualifying a title ("U.S." of "U.S.
  // President X", "Israeli" of "Israeli Prime Minister"): a modifier.
  void AddQualifier(int si, const SentenceTokens& s, int a, int b, int kb_index) {
    FoundMention m = MentionAt(si, s, a, b, kb_.actor(kb_index).type, ActorForKb(kb_index),
                               "kb:qualifier");
    m.modifier = true;
    AddMention(std::move(m));
  }

  // Marks as modifiers the places of a from/to path of the sentence just
  // processed ("From Gaza, to Yemen, to Iran, Washington and Tel Aviv
  // have pursued ...", "flights from Moscow to Antalya"): the path says
  // where, it is no party to the claim.
  void MarkPaths(int si, const SentenceTokens& s, size_t first_mention);

  // Records a longer surface form ("Mr Netanyahu", "President Trump") as an
  // alias of the actor, though the mention span is the name alone.
  void AddAliasText(int actor, size_t start, size_t end) {
    if (actor < 0 || end <= start) return;
    auto& texts = result_.actors[actor].mention_texts;
    std::string text(body_.substr(start, end - start));
    if (std::find(texts.begin(), texts.end(), text) == texts.end()) {
      texts.push_back(std::move(text));
    }
  }

  void AddMention(FoundMention m) {
    if (m.actor >= 0) {
      auto& texts = result_.actors[m.actor].mention_texts;
      std::string text(body_.substr(m.start, m.end - m.start));
      if (m.is_name && !IsGivenNameOf(m.actor, text) &&
          std::find(texts.begin(), texts.end(), text) == texts.end()) {
        texts.push_back(std::move(text));
      }
      ArticleActor& a = result_.actors[m.actor];
      ++a.mention_count;
      // The dateline's country as soon as its place is found, so that
      // namesakes later in the article are chosen by it (ChooseKb).
      if (dateline_country_.empty() && IsDatelinePlace(m)) dateline_country_ = a.country;
      if (a.type == claims::v1::PERSON) {
        last_person_ = m.actor;
        if (a.role == "government" && !a.country.empty()) {
          last_government_ = a.country;
        }
      }
    }
    result_.mentions.push_back(std::move(m));
  }

  // --- per-token facts of the sentence being processed ---
  const TokenFacts& Facts(int i) const { return (*facts_)[static_cast<size_t>(i)]; }
  bool IsFunctionWord(int i) const { return Facts(i).function_word; }
  bool IsCommonWord(const std::vector<Token>& t, int i) {
    TokenFacts& f = (*facts_)[static_cast<size_t>(i)];
    if (f.common < 0) f.common = lex_.IsCommonWord(t[i].lower) ? 1 : 0;
    return f.common > 0;
  }
  // The end of an organisation's name opened by a head noun at word i
  // ("Instituto Raizes do Xingu", "Union of Basra Date Palm Growers"):
  // capitalised words and the connectors between them, ending on a
  // capitalised word; -1 when there is none, when the knowledge base
  // knows the words as they are ("Union of Soviet Socialist Republics"),
  // or when an English head has no connector after it ("Union Pacific").
  int LeadingHeadRunEnd(const std::vector<Token>& t, int i) {
    const int n = static_cast<int>(t.size());
    if (!IsNameToken(t[i]) || !lex_.IsOrganisationLeadingHead(t[i].lower)) return -1;
    if (i > 0 && IsNameToken(t[i - 1]) && !IsNameStop(t[i - 1].lower)) return -1;
    int e = i + 1, last = -1;
    while (e < n && e - i < 10) {
      if (IsNameToken(t[e])) {
        last = e++;
      } else if (t[e].is_word && !t[e].capitalized && IsNameConnector(t[e].lower)) {
        ++e;
      } else if (IsPluralPossessive(t[e]) && last == e - 1) {
        ++e;  // "Growers'"
      } else {
        break;
      }
    }
    if (last < 0) return -1;
    if (IsNameToken(t[i + 1]) && IsDictionaryWord(t, i)) return -1;
    if (FindKb(t, i, last + 1, false) != nullptr) return -1;
    return last + 1;
  }

  // "Commonwealth Scientific and Industrial Research Organisation": two
  // runs of capitalised words joined by "and", the second ending in an
  // organisation's head noun, the first not, and neither a name the
  // knowledge base knows alone ("United States and World Bank" are two).
  // The end of the whole, or -1.
  int CoordinatedOrganisationEnd(const std::vector<Token>& t, int i) {
    const int n = static_cast<int>(t.size());
    if (!StartsNameRun(t, i)) return -1;
    const int first = NameRunEnd(t, i, n, 6);
    if (first <= i || first + 1 >= n || t[first].text != "and" || !IsNameToken(t[first + 1])) {
      return -1;
    }
    const int second = NameRunEnd(t, first + 1, n, 6);
    if (!IsOrganisationHead(t[second - 1].text) || IsOrganisationHead(t[first - 1].text) ||
        FindKb(t, i, first, false) != nullptr || FindKb(t, first + 1, second, false) != nullptr) {
      return -1;
    }
    return second;
  }

  // "the Communist Party of the Philippines": an organisation's name
  // t[i, e) ending in its head noun (OrganisationRunEnd), then "of", "the"
  // and a country's name, is one name, unless the knowledge base knows the
  // words before "of" as an organisation of that country ("the Labour
  // Party of Britain" is Labour). The end of the whole, or -1.
  int OrganisationOfCountryEnd(const std::vector<Token>& t, int i, int e) {
    const int n = static_cast<int>(t.size());
    if (e < 0 || e + 1 >= n || t[e].lower != "of") return -1;
    const int c = t[e + 1].lower == "the" ? e + 2 : e + 1;
    if (c >= n || !IsNameToken(t[c])) return -1;
    const int ce = NameRunEnd(t, c, n, 4);
    const auto* place = FindKb(t, c, ce, false);
    if (place == nullptr) return -1;
    std::string country;
    for (const AliasMatch& m : *place) {
      if (kb_.actor(m.actor).kind == "country") country = kb_.actor(m.actor).id;
    }
    if (country.empty()) return -1;
    if (const auto* own = FindKb(t, i, e, false); own != nullptr) {
      for (const AliasMatch& m : *own) {
        if (kb_.actor(m.actor).country == country) return -1;
      }
    }
    return FindKb(t, i, ce, false) != nullptr ? -1 : ce;
  }

  bool IsDictionaryWord(const std::vector<Token>& t, int i) {
    TokenFacts& f = (*facts_)[static_cast<size_t>(i)];
    if (f.dictionary < 0) f.dictionary = lex_.IsDictionaryWord(t[i].lower) ? 1 : 0;
    return f.dictionary > 0;
  }
  bool IsTitleHead(const std::vector<Token>& t, int i) {
    TokenFacts& f = (*facts_)[static_cast<size_t>(i)];
    if (f.title_head < 0) f.title_head = lex_.IsTitleHead(t[i].lower) ? 1 : 0;
    return f.title_head > 0;
  }
  ActorType Honorific(const std::vector<Token>& t, int i) {
    TokenFacts& f = (*facts_)[static_cast<size_t>(i)];
    if (f.honorific < 0) f.honorific = static_cast<signed char>(lex_.Honorific(t[i].text));
    return static_cast<ActorType>(f.honorific);
  }

  // --- rules ---
  bool TryTitle(int si, const SentenceTokens& s, int i, int n, int* next);
  int PortfolioTitleEnd(const std::vector<Token>& t, int j, int n);
  // The knowledge-base person a name of three words or more names with a
  // middle name written out ("Donald John Trump") or with first given
  // names or honorifics news leaves out ("Muhammad Nawaz Sharif", "Samdech
  // Techo Hun Sen"): the name without its middle, else the longest known
  // name of two words or more that ends it; -1 when none. Sets *evidence.
  int KnownShorterName(const std::vector<Token>& t, int a, int b, std::string* evidence);
  bool TryHonorific(int si, const SentenceTokens& s, int i, int n, int* next);
  bool TryName(int si, const SentenceTokens& s, int i, bool headline, bool titlecase,
               int* next);
  bool TryKbOrName(int si, const SentenceTokens& s, int i, int n, bool headline,
                   bool titlecase, int* next);
  bool TryCompound(int si, const SentenceTokens& s, int i);
  // A name the tagger's span at i + 1 or after a surname's particles
  // starts a word early, or a proper noun the tagger left out that speaks:
  // true with that span in *widened and, for the speaker, *speaker set
  // (see TryName).
  bool WidenedName(const SentenceTokens& s, int i, entities::EntitySpan* widened,
                   bool* speaker);
  // True when word i is the subject of a verb of saying in the parse of a
  // parsed sentence.
  bool IsSpeakerOfSaying(const SentenceTokens& s, int i) const {
    if (s.words.size() != s.tokens.size()) return false;
    const syntax::SyntaxWord& w = s.words[i];
    return w.head >= 0 && syntax::BaseRel(w.rel) == syntax::DepRel::kNsubj &&
           lex_.IsSpeechVerb(s.words[w.head].lemma);
  }
  bool TryGroupReference(int si, const SentenceTokens& s, int i, int n, int* next);
  // `honorific`: the lower-case honorific before the name ("mr", "dr"),
  // or "".
  int ResolvePersonName(int si, const std::vector<Token>& t, int a, int b,
                        const std::string& title, const std::string& owner,
                        char gender, absl::string_view honorific,
                        std::string* evidence);
  // True when t[a, b) starts with the family name that opens the name of
  // knowledge-base person `kb_index` and goes on with other given names.
  bool OtherGivenNames(int kb_index, const std::vector<Token>& t, int a, int b) const;
  // True when the known person's name is `word` after an honorific that
  // precedes given names ("Sheikh Hasina"): the name they go by is a given
  // one.
  bool GoesByGivenName(int kb_index, absl::string_view word) const;

  const KnowledgeBase& kb_;
  const Lexicon& lex_;
  const GenderCues* genders_;  // may be null
  const syntax::WordClasses* classes_;  // may be null
  absl::string_view body_;
  std::string date_;
  MentionResult result_;
  absl::flat_hash_map<int, int> kb_to_actor_;
  absl::flat_hash_map<std::string, int> id_to_actor_;
  struct NamedAt {
    int actor = -1;
    int sentence = 0;  // where the article first named the person in full
    int token = 0;
    bool given = false;  // the part is the given name, not the family name
    // Named in full before word `at_token` of sentence `at_sentence`.
    bool Before(int at_sentence, int at_token) const {
      return std::make_pair(sentence, token) < std::make_pair(at_sentence, at_token);
    }
  };
  // PartKey of a first or last name -> the people named in full with it.
  absl::flat_hash_map<std::string, std::vector<NamedAt>> name_parts_;
  // PartKey of a family name -> the person the article called by it alone
  // while it had named no namesake.
  absl::flat_hash_map<std::string, int> called_by_family_name_;
  absl::flat_hash_map<int, bool> kin_;  // actor -> named as a parent (true) or a child
  // actor -> the title words of appositions after their full name
  absl::flat_hash_map<int, absl::flat_hash_set<std::string>> described_as_;
  absl::flat_hash_map<int, char> honorific_gender_;  // actor -> 'm' / 'f'
  // actor -> the honorific the article first gave them, lower case ("dr")
  absl::flat_hash_map<int, std::string> honorific_of_;
  // The name after an acronym's "of" inside one tagger span ("the CNDD of
  // Leonard Nyangoma"), to be read as a name of its own: sentence, span.
  int rest_sentence_ = -1;
  entities::EntitySpan rest_of_acronym_;
  // PartKey of a surname -> PartKeys of the words written before it.
  absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>> given_before_;
  absl::flat_hash_map<std::string, std::string> title_owner_;
  int last_person_ = -1;
  std::string last_government_;  // country of the last official mentioned
  absl::flat_hash_map<std::string, int> by_folded_name_;
  // Acronyms the article defined in brackets after a name, as written.
  absl::flat_hash_map<std::string, int> defined_acronyms_;
  absl::flat_hash_set<int> authors_;  // the byline's people: never "both leaders"
  // Sentences of picture captions: they name who is in the picture, not
  // what the article is about.
  absl::flat_hash_set<int> caption_sentences_;
  int first_body_sentence_ = -1;
  std::string dateline_country_;  // see FindFocusCountries
  std::vector<std::string> focus_owners_;  // most mentioned first
  bool second_pass_ = false;
  // Facts of every token, by sentence; made on the first pass.
  std::vector<std::vector<TokenFacts>> sentence_facts_;
  // Sentence -> its tokens "and" (NamedAsEquals).
  absl::flat_hash_map<int, std::vector<int>> ands_;
  std::vector<TokenFacts>* facts_ = nullptr;  // of the current sentence
  std::string key_;  // scratch for knowledge-base lookups
  std::vector<AliasMatch> variant_matches_;  // see FindKb
  std::vector<AliasMatch> suffix_matches_;   // see FindKb
  bool variant_ = false;  // the last FindKb matched a variant spelling
};

// A short name: a surname or given name alone ("Bush", "Mr Bush",
// "President Bush", "Benjamin"), at token `token` of sentence `si`. `gender`
// is an honorific's ('m', 'f' or 0), `title` the office id before the name
// ("" if none), `kb` the knowledge base's actors of the word (may be null).
// Returns the actor, kAmbiguous when several people fit, or -1 when nobody
// does (the caller discovers the name).
int ArticleState::ShortName(absl::string_view word, int si, int token,
                            char gender, absl::string_view honorific,
                            const std::string& title,
                            const std::vector<AliasMatch>* kb,
                            std::string* evidence) {
  auto agrees = [gender](char g) { return gender == 0 || g == 0 || g == gender; };
  // After an honorific or a title the word is a family name: "Mr
  // Hadiwijaya" is not the "Hadiwijaya" of "Hadiwijaya Sawit". After an
  // honorific usage puts before given names it is a given name first: of
  // the people named before, one of that given name outranks those of that
  // family name ("Sheikh Sabah" after "Sheikh Saad al-Abdullah al-Sabah"
  // and "Sheikh Sabah al-Ahmad al-Sabah"; "Sheikh Yassin" after "Sheikh
  // Ahmed Yassin" is still his). The word right before the name decides: an
  // honorific, else a one-word title ("Sheikh", a title head, or "King").
  const bool given_first =
      lex_.HonorificBeforeGivenName(honorific.empty() ? absl::string_view(title) : honorific);
  const bool family_name = (!honorific.empty() || !title.empty()) && !given_first;
  std::vector<int> before, after, kb_people, given_before;
  if (auto it = name_parts_.find(PartKey(word)); it != name_parts_.end()) {
    // A given name after a title the person holds at the date ("PM
    // Shehbaz", as South Asian news writes) is theirs too.
    auto holds_title = [&](int actor) {
      const int k = result_.actors[actor].kb_index;
      return !title.empty() && k >= 0 && kb_.HeldTitle(k, title, date_);
    };
    // A family name of someone named before outranks a given name of
    // someone else ("Brückner" after "Brückner Präzisionsguss", which the
    // tagger took for a person, and "Hajo Brückner").
    auto named_before = [&](bool given) {
      return std::any_of(it->second.begin(), it->second.end(), [&](const NamedAt& n) {
        return n.given == given && n.Before(si, token) && agrees(GenderOf(n.actor));
      });
    };
    const bool family_before = !given_first && named_before(false);
    const bool given_name_before = given_first && named_before(true);
    for (const NamedAt& n : it->second) {
      const bool earlier = n.Before(si, token);
      // A known person's surname is not the given name of someone named
      // later ("Museveni" before the ballot form "Museveni Yoweri Kaguta").
      if (!earlier && n.given && kb != nullptr && !kb->empty()) continue;
      if (agrees(GenderOf(n.actor)) && !honorific.empty() && title.empty() && n.given &&
          !family_before && earlier &&
          std::count(result_.actors[n.actor].name.begin(), result_.actors[n.actor].name.end(), ' ') >= 2 &&
          std::find(given_before.begin(), given_before.end(), n.actor) == given_before.end()) {
        given_before.push_back(n.actor);
      }
      if (!agrees(GenderOf(n.actor)) || (family_name && n.given && !holds_title(n.actor)) ||
          (family_before && n.given) || (given_name_before && !n.given)) {
        continue;
      }
      (earlier ? before : after).push_back(n.actor);
    }
  }
  // With no one of that family name, an honorific before the first name
  // of the one person named before in full, in three names or more, writes
  // the family name first ("Ms Tran" after "Tran Thi Ngoc Hanh"): theirs,
  // not a namesake the knowledge base knows. Not after a title ("President
  // Shehbaz"), nor for two names ("Mr Hadiwijaya" beside a firm the tagger
  // took for a person, "Hadiwijaya Sawit").
  if (before.empty() && after.empty() && given_before.size() == 1) {
    *evidence = "article:name-family-first";
    return given_before[0];
  }
  // A woman's honorific picks the women known as such over people of a
  // given name the gender table lacks ("Ms. Tremblay": Marie-Claude, not
  // Jean, named before her). Not a man's: most people news names are men,
  // and an unknown given name is likelier a man's ("Mr Rasmussen": Poul
  // Nyrup as much as Anders Fogh).
  for (auto* v : {&before, &after}) {
    if (gender == 'f' && std::any_of(v->begin(), v->end(),
                                   [&](int a) { return GenderOf(a) == gender; })) {
      v->erase(std::remove_if(v->begin(), v->end(), [&](int a) { return GenderOf(a) == 0; }),
               v->end());
    }
  }
  if (kb != nullptr) {
    for (const AliasMatch& am : *kb) {
      if (kb_.actor(am.actor).type != claims::v1::PERSON || !agrees(KbGender(am.actor)) ||
          std::find(kb_people.begin(), kb_people.end(), am.actor) != kb_people.end()) {
        continue;
      }
      kb_people.push_back(am.actor);
    }
  }
  // A title held at the article's date singles people out ("President Bush"
  // in 1991 and in 2003), when anyone of the name held it then.
  bool by_title = false;
  if (!title.empty()) {
    auto holds = [&](int kb_index) {
      return kb_index >= 0 && kb_.HeldTitle(kb_index, title, date_);
    };
    auto actor_holds = [&](int actor) { return holds(result_.actors[actor].kb_index); };
    by_title = std::any_of(kb_people.begin(), kb_people.end(), holds) ||
               std::any_of(before.begin(), before.end(), actor_holds) ||
               std::any_of(after.begin(), after.end(), actor_holds);
    if (by_title) {
      kb_people.erase(std::remove_if(kb_people.begin(), kb_people.end(),
                                     [&](int k) { return !holds(k); }),
                      kb_people.end());
      for (auto* v : {&before, &after}) {
        v->erase(std::remove_if(v->begin(), v->end(),
                                [&](int a) { return !actor_holds(a); }),
                 v->end());
      }
    }
  }
  // Of namesakes, the one the article described with this title ("Major
  // Koroma" after "Johnny Paul Koroma, the army major", not "Ernest Bai
  // Koroma").
  if (before.size() > 1 && !title.empty()) {
    std::vector<int> described;
    for (int a : before) {
      auto it = described_as_.find(a);
      if (it != described_as_.end() && it->second.contains(Lower(title))) described.push_back(a);
    }
    if (described.size() == 1) before = described;
  }
  // Of namesakes, the one the article gave this honorific before ("Dr
  // MacLeod" beside "Mr MacLeod"), else those it addresses no other way
  // ("Dr. Jagan" is not "Mrs. Jagan").
  if (before.size() > 1 && !honorific.empty()) {
    std::vector<int> same, unaddressed;
    for (int a : before) {
      auto it = honorific_of_.find(a);
      if (it != honorific_of_.end() && it->second == honorific) same.push_back(a);
      if (it == honorific_of_.end() || it->second == honorific) unaddressed.push_back(a);
    }
    if (same.size() == 1) {
      before = same;
    } else if (!unaddressed.empty()) {
      before = unaddressed;
    }
  }
  // Of namesakes named before ("Park Geun-hye, the daughter of Park
  // Chung-hee"), the bare name is the article's main one: the one it has
  // named most often so far, the first named of equals.
  if (before.size() > 1) {
    // Not one whose surname the article writes as a compound with a
    // particle ("Fernández de Kirchner" is not "Kirchner").
    std::vector<int> plain;
    for (int a : before) {
      if (!WritesInCompound(a, word)) plain.push_back(a);
    }
    if (plain.empty()) return kAmbiguous;
    // Nor one the article calls by another of their names alone ("Gayoom"
    // beside "Yameen", who is Abdulla Yameen Abdul Gayoom).
    std::vector<int> not_otherwise;
    for (int a : plain) {
      if (!CalledByOtherName(a, word)) not_otherwise.push_back(a);
    }
    if (!not_otherwise.empty()) plain = not_otherwise;
    // The one the article called by the bare name before it named a
    // namesake keeps it ("Gbagbo" after "Laurent Gbagbo ... Gbagbo, 65, ...
    // his wife Simone Gbagbo").
    if (auto c = called_by_family_name_.find(PartKey(word));
        c != called_by_family_name_.end() &&
        std::find(plain.begin(), plain.end(), c->second) != plain.end()) {
      plain = {c->second};
    }
    // Introduced as equals ("Lech Kaczynski and his twin brother Jaroslaw
    // Kaczynski"), no one is the main one.
    if (plain.size() > 1 && NamedAsEquals(PartKey(word), plain)) return kAmbiguous;
    before = {MostMentioned(plain)};
  }
  // The person the article has named in full before.
  if (before.size() == 1) {
    *evidence = "article:name";
    if (!family_name && !given_first) {
      called_by_family_name_.try_emplace(PartKey(word), before[0]);
    }
    return before[0];
  }
  // Forward, to the one person named in full later, when the knowledge base
  // knows no other of the name ("Trump" in a headline, "Donald Trump" in
  // the text; not "Clinton" before "Bill Clinton").
  if (!after.empty()) {
    if (after.size() == 1) {
      const int kb_index = result_.actors[after[0]].kb_index;
      if (std::all_of(kb_people.begin(), kb_people.end(),
                      [&](int k) { return k == kb_index; })) {
        *evidence = "article:name";
        return after[0];
      }
    }
    return kAmbiguous;
  }
  // Nobody named in full: the knowledge base's person, unless the article
  // writes the surname with someone else's given name (a name the tagger
  // missed).
  const std::string key = PartKey(word);
  const size_t known = kb_people.size();
  kb_people.erase(std::remove_if(kb_people.begin(), kb_people.end(),
                                 [&](int k) { return NamesOtherPerson(key, k, gender); }),
                  kb_people.end());
  if (known > 0 && kb_people.empty()) return kAmbiguous;
  int chosen = -1;
  if (kb_people.size() == 1) {
    chosen = kb_people[0];
    *evidence = by_title ? "kb:surname+title" : "kb:surname";
    // A surname alone in a datelined story, without a title, is not a
    // person of a country the article has not named ("Mr Sonko" in a
    // Nairobi story is no Senegalese politician).
    if (!by_title && !dateline_country_.empty() && !CountryInPlay(kb_.actor(chosen).country)) {
      return -1;
    }
  } else if (kb_people.size() > 1) {
    // Of several, the one in office at the date is the one news calls by
    // surname alone; of several in office, the one of the dateline's
    // country ("Mr Howard" in 2004: John in Sydney, Michael in London);
    // else ("Bush" in 2003) they stay ambiguous.
    std::vector<int> in_office;
    for (int k : kb_people) {
      if (InOffice(k)) in_office.push_back(k);
    }
    if (in_office.size() > 1 && !dateline_country_.empty()) {
      in_office.erase(std::remove_if(in_office.begin(), in_office.end(),
                                     [&](int k) {
                                       return kb_.actor(k).country != dateline_country_;
                                     }),
                      in_office.end());
    }
    // None in office: the one who left office in the last two years
    // ("Kenyatta" the day after Uhuru Kenyatta handed over, not his father),
    // when no one the article names bears the name.
    const bool recent = in_office.empty() && !name_parts_.contains(key);
    if (recent) {
      for (int k : kb_people) {
        if (LeftOfficeWithin(k, 2)) in_office.push_back(k);
      }
    }
    if (in_office.size() != 1) return kAmbiguous;
    chosen = in_office[0];
    *evidence = by_title ? "kb:surname+title" : recent ? "kb:surname+recent-office" : "kb:surname+office";
  }
  if (chosen < 0) return -1;
  const int actor = ActorForKb(chosen);
  // The office named the person as surely as a full name would.
  if (by_title) RegisterNameParts(actor, si, token);
  return actor;
}

int ArticleState::FamilyNameNamedBefore(absl::string_view word, int si, int token) const {
  auto it = name_parts_.find(PartKey(word));
  if (it == name_parts_.end()) return -1;
  int person = -1;
  for (const NamedAt& n : it->second) {
    if (n.given || !n.Before(si, token)) continue;
    if (person >= 0 && person != n.actor) return -1;
    person = n.actor;
  }
  return person;
}

int ArticleState::KinNamed(int si, const std::vector<Token>& t, int a) {
  // Blood relatives share the family name; a wife or husband need not.
  static constexpr absl::string_view kKin[] = {"son",    "daughter", "brother",  "sister",
                                               "father", "grandson", "granddaughter"};
  auto possessive = [](absl::string_view w) {
    return absl::EndsWith(w, "'s") || absl::EndsWith(w, "\u2019s");
  };
  int k = a - 1;
  if (k >= 0 && t[k].text == ",") --k;
  if (k < 1 || std::find(std::begin(kKin), std::end(kKin), t[k].lower) == std::end(kKin)) {
    return -1;
  }
  int p = k - 1;  // the owner, after at most two lower-case words ("eldest")
  while (p >= 0 && k - p <= 2 && t[p].is_word && !t[p].capitalized && t[p].lower != "his" &&
         !possessive(t[p].lower)) {
    --p;
  }
  if (p < 0) return -1;
  // A father's: a mother's family name is often not her children's
  // ("Zulema Yoma ... her daughter Zulemita": Menem).
  int owner = -1;
  absl::string_view family;
  if (t[p].lower == "his") {
    // The man named last before it, or the person of no known gender
    // ("Zulfikar Ali Bhutto ... His wife, Nusrat Bhutto, and his daughter,
    // Benazir": his, not hers), by the last of his names.
    for (auto m = result_.mentions.rbegin(); m != result_.mentions.rend(); ++m) {
      if (m->actor < 0 || m->modifier || result_.actors[m->actor].type != claims::v1::PERSON ||
          GenderOf(m->actor) == 'f') {
        continue;
      }
      owner = m->actor;
      std::vector<absl::string_view> words = absl::StrSplit(result_.actors[owner].name, ' ');
      while (words.size() >= 2 && IsGenerationalSuffix(words.back())) words.pop_back();
      if (words.size() < 2 || PartKey(words.front()) == PartKey(t[a].text)) return -1;
      family = words.back();
      break;
    }
  } else if (possessive(t[p].lower) && !result_.mentions.empty()) {
    // By the name as written ("Bhutto's brother Murtaza", whoever of the
    // Bhuttos the article meant): "Okonjo's" one token, or "Okonjo", "'s".
    const FoundMention& m = result_.mentions.back();
    const bool alone = t[p].lower == "'s" || t[p].lower == "\u2019s";
    const int end = alone ? p : p + 1;
    if (m.sentence == si && m.last_token == end && m.actor >= 0 &&
        result_.actors[m.actor].type == claims::v1::PERSON) {
      owner = m.actor;
      family = t[end - 1].text;
      if (!alone) family.remove_suffix(absl::EndsWith(family, "'s") ? 2 : 4);
    }
  }
  if (owner < 0 || family.empty() || GenderOf(owner) == 'f') return -1;
  const std::string name = absl::StrCat(t[a].text, " ", family);
  if (const std::vector<AliasMatch>* known = kb_.Find(name)) {
    const int kb_index = ChooseKbByOwnName(*known, claims::v1::PERSON);
    if (kb_index >= 0 && kb_.actor(kb_index).type == claims::v1::PERSON) {
      return ActorForKb(kb_index);
    }
  }
  return Discover(name, claims::v1::PERSON);
}

int ArticleState::MostMentioned(const std::vector<int>& actors) const {
  int best = actors[0];  // `actors` are in the order the article named them
  for (int a : actors) {
    if (result_.actors[a].mention_count > result_.actors[best].mention_count) best = a;
  }
  return best;
}

bool ArticleState::NamedAsEquals(const std::string& key, const std::vector<int>& actors) const {
  auto it = name_parts_.find(key);
  if (it == name_parts_.end()) return false;
  std::vector<const NamedAt*> at;
  for (const NamedAt& n : it->second) {
    if (std::find(actors.begin(), actors.end(), n.actor) != actors.end()) at.push_back(&n);
  }
  for (size_t i = 0; i < at.size(); ++i) {
    for (size_t j = i + 1; j < at.size(); ++j) {
      if (at[i]->sentence != at[j]->sentence) continue;
      auto ands = ands_.find(at[i]->sentence);
      if (ands == ands_.end()) continue;
      const int lo = std::min(at[i]->token, at[j]->token);
      const int hi = std::max(at[i]->token, at[j]->token);
      if (std::any_of(ands->second.begin(), ands->second.end(),
                      [&](int k) { return k > lo && k < hi; })) {
        return true;
      }
    }
  }
  return false;
}

bool ArticleState::WritesInCompound(int actor, absl::string_view word) const {
  const std::string key = PartKey(word);
  for (const std::string& text : result_.actors[actor].mention_texts) {
    const std::vector<absl::string_view> words = absl::StrSplit(text, ' ', absl::SkipEmpty());
    for (size_t i = 1; i < words.size(); ++i) {
      if (PartKey(words[i]) == key && IsNameParticle(absl::AsciiStrToLower(words[i - 1]))) {
        return true;
      }
    }
  }
  return false;
}

bool ArticleState::CalledByOtherName(int actor, absl::string_view word) const {
  const std::string key = PartKey(word);
  const std::vector<std::string>& texts = result_.actors[actor].mention_texts;
  // The words of the names the article gave in full that hold `word`: only
  // another word of one of those counts ("Taylor" of "Chuckie Taylor" is
  // no other name of Charles McArthur Emmanuel's, whom the article also
  // calls "Emmanuel").
  absl::flat_hash_set<std::string> beside;
  for (const std::string& text : texts) {
    if (text.find(' ') == std::string::npos) continue;
    std::vector<std::string> parts;
    for (absl::string_view w : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
      parts.push_back(PartKey(w));
    }
    if (std::find(parts.begin(), parts.end(), key) == parts.end()) continue;
    beside.insert(parts.begin(), parts.end());
  }
  for (const std::string& text : texts) {
    if (text.find(' ') != std::string::npos) continue;
    const std::string other = PartKey(text);
    if (other != key && beside.contains(other)) return true;
  }
  return false;
}

bool ArticleState::OtherGivenNames(int kb_index, const std::vector<Token>& t, int a,
                                   int b) const {
  if (a + 1 >= b) return false;
  // Compared without diacritics: "Vo Nguyen Giap", written without them,
  // has other given names than the known "Võ Chí Công".
  const std::vector<absl::string_view> words =
      absl::StrSplit(kb_.actor(kb_index).name, absl::ByAnyChar(" -"), absl::SkipEmpty());
  if (words.size() < 2 || PartKey(words[0]) != PartKey(t[a].text)) return false;
  return PartKey(t[a + 1].text) != PartKey(words[1]);
}

bool ArticleState::GoesByGivenName(int kb_index, absl::string_view word) const {
  const std::vector<std::string> words = absl::StrSplit(
      KnowledgeBase::NormalizeKey(kb_.actor(kb_index).name), ' ', absl::SkipEmpty());
  return words.size() == 2 && lex_.HonorificBeforeGivenName(absl::AsciiStrToLower(words[0])) &&
         absl::EqualsIgnoreCase(words[1], KnowledgeBase::NormalizeKey(word));
}

int ArticleState::KnownShorterName(const std::vector<Token>& t, int a, int b,
                                   std::string* evidence) {
  if (b - a < 3) return -1;
  std::vector<std::pair<std::string, const char*>> shorter;
  // One middle name or title left out ("Benigno Simeon Aquino III",
  // "Tuilaepa Aiono Sailele Malielegaoi"), then all of them.
  for (int m = a + 1; b - a >= 4 && m + 1 < b; ++m) {
    shorter.emplace_back(absl::StrCat(Join(t, a, m), " ", Join(t, m + 1, b)),
                         "kb:name-without-middle");
  }
  shorter.emplace_back(absl::StrCat(t[a].text, " ", t[b - 1].text), "kb:name-without-middle");
  for (int f = a + 1; f + 2 <= b; ++f) shorter.emplace_back(Join(t, f, b), "kb:name-without-first");
  // A known name and more family names after it ("Abdulla Yameen Abdul
  // Gayoom", "Omar Bongo Ondimba"), not a suffix that tells a son from his
  // father ("George Bush Jr."). (The candidates from `without_last` on.)
  const size_t without_last = shorter.size();
  for (int e = b - 1;
       e >= a + 2 && !IsGenerationalSuffix(t[b - 1].text) && !IsParticleName(t[b - 1]); --e) {
    shorter.emplace_back(Join(t, a, e), "kb:name-without-last");
  }
  for (size_t i = 0; i < shorter.size(); ++i) {
    const auto& [name, how] = shorter[i];
    const auto* known = kb_.Find(name);
    const int k = known == nullptr ? -1 : ChooseKb(*known, claims::v1::PERSON);
    // A monarch's regnal name takes no family name after it: "Ahmad Shah
    // Masood" is no "Ahmad Shah" of Pahang.
    if (k >= 0 && i >= without_last && IsMonarch(k)) continue;
    if (k >= 0 && KindOf(*known, k) <= AliasKind::kAlias) {
      *evidence = how;
      return k;
    }
  }
  return -1;
}

int ArticleState::ResolvePersonName(int si, const std::vector<Token>& t, int a,
                                    int b, const std::string& title,
                                    const std::string& owner, char gender,
                                    absl::string_view honorific,
                                    std::string* evidence) {
  // Knowledge base, longest first; when the whole name is unknown, a known
  // name it shortens to before its first words ("Tan Sri Muhyiddin
  // Yassin" is no "Tan").
  for (int e = b; e > a; --e) {
    if (e == b - 1) {
      if (const int k = KnownShorterName(t, a, b, evidence); k >= 0) {
        const int actor = ActorForKb(k);
        RegisterNameParts(actor, si, a);
        return actor;
      }
    }
    // "George Bush Jr." is not the "George Bush" the base may know: the
    // suffix tells the son from the father.
    if (e < b && IsGenerationalSuffix(t[b - 1].text)) break;
    const auto* m = FindKb(t, a, e, false, nullptr, /*variants=*/e == b);
    if (m == nullptr) continue;
    int k = ChooseKb(*m, claims::v1::PERSON);
    if (k < 0 || (e - a == 1 && variant_ && !VariantSurnameFits(k))) continue;
    if (e - a == 1 && KindOf(*m, k) == AliasKind::kSurname) {
      // A family name written first and followed by other given names is
      // another member of the family ("Park Chung Hee", father of "Park
      // Geun-hye").
      if (e < b && OtherGivenNames(k, t, a, b)) continue;
      // Before other names, a family name is one written first: elsewhere
      // the first of two names is a given one ("Tomas Rauda" is no
      // Américo Tomás), unless the known person goes by it ("Sheikh Hasina
      // Wajed").
      if (e < b && !FamilyNameFirst(kb_.actor(k).country) && !GoesByGivenName(k, t[a].text)) {
        continue;
      }
      const int actor = ShortName(t[a].text, si, a, gender, honorific, title, m, evidence);
      if (actor != -1) return actor;
      continue;
    }
    *evidence = variant_ ? "kb:variant" : "kb:alias";
    const int actor = ActorForKb(k);
    RegisterNameParts(actor, si, a, Join(t, a, e));
    return actor;
  }
  // The holder of the office, when the name fits theirs ("Benjamin").
  if (!title.empty() && !owner.empty()) {
    int h = kb_.OfficeHolder(title, owner, date_);
    if (h >= 0) {
      std::vector<std::string> words =
          absl::StrSplit(kb_.actor(h).name, ' ', absl::SkipEmpty());
      bool fits = true;
      for (int i = a; i < b && fits; ++i) {
        fits = std::find(words.begin(), words.end(),
                         KnowledgeBase::NormalizeKey(t[i].text)) != words.end();
      }
      if (fits) {
        *evidence = absl::StrCat("role:", title, "@", owner);
        const int actor = ActorForKb(h);
        RegisterNameParts(actor, si, a);
        return actor;
      }
    }
  }
  if (const int w = SurnameAlone(t, a, b, !honorific.empty()); w >= 0) {
    const int actor = ShortName(t[w].text, si, w, gender, honorific, title, nullptr, evidence);
    if (actor != -1) return actor;
  }
  *evidence = "discovered:title";
  std::string name = Join(t, a, b);
  int actor = NameVariantOf(name, si, a);
  if (actor >= 0) {
    *evidence = "article:name";
  } else {
    actor = Discover(std::move(name), claims::v1::PERSON);
  }
  if (b - a >= 2) RegisterNameParts(actor, si, a);
  return actor;
}

// "Minister of National Heritage", "Secretary for Home Affairs": a
// capitalised title head, "of" or "for", and the portfolio's capitalised
// words of the language (with "and"), before a name, which begins at the
// first word that is no word of the language or is a given name ("Minister
// of Finance Grant Robertson"). The token after the portfolio, or -1.
int ArticleState::PortfolioTitleEnd(const std::vector<Token>& t, int j, int n) {
  constexpr int kPortfolioWords = 5;
  if (j + 3 >= n || !t[j].capitalized || !IsTitleHead(t, j)) return -1;
  const absl::string_view link = t[j + 1].lower;
  if (link != "of" && link != "for") return -1;
  int k = j + 2, words = 0;
  while (k < n && words < kPortfolioWords) {
    const Token& w = t[k];
    if (w.lower == "and" && words > 0) {
      ++k;
      continue;
    }
    if (!w.capitalized || !lex_.IsDictionaryWord(w.lower) || IsGivenName(w.text)) break;
    ++k;
    ++words;
  }
  if (words == 0 || k >= n || t[k - 1].lower == "and" || !IsNameToken(t[k])) return -1;
  return k;
}

bool ArticleState::TryTitle(int si, const SentenceTokens& s, int i, int n,
                            int* next) {
  const auto& t = s.tokens;
  // A title word after names and before a generational suffix is a
  // surname ("Martin Luther King Jr."; not "King Abdullah II").
  int run = i;
  while (run < n && IsNameToken(t[run]) && !IsGenerationalSuffix(t[run].text)) ++run;
  if (run < n && run > 0 && IsGenerationalSuffix(t[run].text) && Facts(run - 1).title_words > 0) {
    int start = i;
    while (start > 0 && IsNameToken(t[start - 1])) --start;
    if (run - 1 > start) return false;
  }
  int j = i;
  bool the = false;
  if (j < n && absl::string_view(t[j].lower) == "the") {
    the = true;
    ++j;
  }
  // "the new prime minister", "the acting president". "The former
  // opposition leader" held the office before the article's date: only a
  // name says who, never the date.
  bool former = false;
  if (j < n && IsTitleModifier(t[j].lower)) {
    former = absl::string_view(t[j].lower) == "former";
    ++j;
  }
  // Qualifier: a country, organisation or curated subdivision ("Israeli",
  // "US", "UN", "Scottish", "California").
  std::string owner;
  int qa = -1, qb = -1, qkb = -1;
  for (int k = j < n ? std::min({3, n - j, Facts(j).alias_words}) : 0;
       k >= 1; --k) {
    if (!t[j].capitalized) break;
    const auto* m = FindKb(t, j, j + k, false);
    if (m == nullptr) continue;
    const bool namesakes = OfSeveralCountries(*m);
    for (const AliasMatch& am : *m) {
      const KbActor& a = kb_.actor(am.actor);
      if (namesakes && a.type == claims::v1::ORGANIZATION && ForeignOrganisation(am.actor)) {
        continue;
      }
      if (a.type == claims::v1::ORGANIZATION || absl::string_view(a.kind) == "country" ||
          (absl::string_view(a.kind) == "region" && !a.gazetteer)) {
        owner = a.id;
        qa = j;
        qb = j + k;
        qkb = am.actor;
        break;
      }
    }
    if (!owner.empty()) break;
  }
  bool possessive = false;  // "Britain's chancellor"
  if (!owner.empty()) {
    j = qb;
    if (j < n && t[j].possessive) {
      ++j;
      possessive = true;
    }
  }
  // Title.
  std::string title;
  int te = -1;
  for (int k = j < n ? std::min(Facts(j).title_words, n - j) : 0;
       k >= 1; --k) {
    JoinTo(t, j, j + k, &key_);
    const std::string* found = kb_.FindTitle(key_);
    if (found != nullptr) {
      title = *found;
      te = j + k;
      break;
    }
  }
  // A job title the knowledge base does not list: capitalised words ending
  // in a title head ("Trade Commissioner", "Commerce Minister"). It only
  // counts when a name follows (checked below), so it names a person.
  if (title.empty()) {
    for (int k = std::min(kGenericTitleWords, n - j); k >= 1; --k) {
      // Cheapest tests first: a name must follow.
      if (j + k >= n || !IsNameToken(t[j + k])) continue;
      bool capitalized = true;
      for (int w = j; w < j + k && capitalized; ++w) {
        capitalized = t[w].capitalized && !IsFunctionWord(w);
      }
      if (capitalized && IsTitleHead(t, j + k - 1)) {
        title = Lower(Join(t, j, j + k));
        te = j + k;
        break;
      }
    }
  }
  // A portfolio the base does not list between the title and a name
  // ("Minister of National Heritage Anura Bandaranaike").
  if (te < 0 || te >= n || !IsNameToken(t[te])) {
    if (const int pe = PortfolioTitleEnd(t, j, n); pe >= 0) {
      title = Lower(Join(t, j, pe));
      te = pe;
    }
  }
  if (title.empty()) return false;
  // A known organisation's name that opens with the title's words is no
  // title ("General People's Congress", "General Motors").
  if (te < n && t[j].capitalized && KnownOrganisationEnd(t, j, n) > te) return false;
  bool title_capitalized = t[j].capitalized;
  // An honorific between the title and the name ("Prime Minister Dr. Abiy
  // Ahmed") is no part of the name, unless a known name begins with it
  // ("Prime Minister Sheikh Hasina") and the name does not go on with a
  // particle ("Sheikh Hamad | bin Jassim" is not the known "Sheikh Hamad").
  char gender = 0;
  std::string honorific;
  const bool known_with_honorific =
      te + 1 < n && kb_.Find(Join(t, te, te + 2)) != nullptr &&
      !(te + 3 < n && IsNameParticle(t[te + 2].lower) && IsNameToken(t[te + 3]));
  if (title_capitalized && te + 1 < n && t[te].capitalized &&
      Honorific(t, te) == claims::v1::PERSON &&
      IsNameToken(t[te + 1]) && !known_with_honorific) {
    gender = HonorificGender(t[te].text);
    honorific = Lower(absl::StripSuffix(t[te].text, "."));
    ++te;
  }
  // Name after the title ("Crown Prince Mohammed bin Salman").
  const int ne = te < n && IsNameToken(t[te]) ? NameRunEnd(t, te, n, 6) : te;
  if (ne > te && title_capitalized) {
    std::string inferred_owner = owner;
    if (inferred_owner.empty()) {
      auto it = title_owner_.find(title);
      if (it != title_owner_.end()) inferred_owner = it->second;
    }
    std::string evidence;
    int actor = -1;
    // A known name that holds the title's last word ("Sultan Qaboos"),
    // unless the article has named someone else by the words after it
    // ("Sheikh Hamad" after "Sheikh Hamad bin Jassim").
    if (const auto* known = FindKb(t, te - 1, ne, false); known != nullptr) {
      const int k = ChooseKb(*known, claims::v1::PERSON);
      if (k >= 0 && KindOf(*known, k) <= AliasKind::kAlias &&
          !NamedOtherBefore(k, t, te, ne, si)) {
        actor = ActorForKb(k);
        evidence = "kb:name-with-title";
        RegisterNameParts(actor, si, te, Join(t, te, ne));
      }
    }
    if (actor < 0) {
      actor = ResolvePersonName(si, t, te, ne, title, inferred_owner, gender, honorific,
                                &evidence);
    }
    if (actor == kAmbiguous) {
      actor = -1;
      evidence = "ambiguous:name";
    }
    if (qkb >= 0) {
      AddQualifier(si, s, qa, qb, qkb);
      title_owner_[title] = owner;
    }
    AddMention(si, s, te, ne, claims::v1::PERSON, actor,
               absl::StrCat(evidence, "+title:", title));
    *next = ne;
    return true;
  }
  if (!the && owner.empty()) return false;
  if (!the && !title_capitalized && !possessive) return false;
  // "the prime minister of Singapore", "the premier in Quebec City", "the
  // governor of Texas": a country, its capital or a curated region after
  // the title owns it.
  int after_end = -1;
  if (owner.empty() && te + 1 < n && (t[te].lower == "of" || t[te].lower == "in") &&
      t[te + 1].capitalized) {
    for (int k = std::min({3, n - te - 1, Facts(te + 1).alias_words}); k >= 1 && owner.empty();
         --k) {
      const auto* m = FindKb(t, te + 1, te + 1 + k, false);
      if (m == nullptr) continue;
      for (const AliasMatch& am : *m) {
        const KbActor& a = kb_.actor(am.actor);
        const bool country = a.kind == "country" &&
                             (am.kind == AliasKind::kName || am.kind == AliasKind::kAlias ||
                              am.kind == AliasKind::kCapital);
        if (country || (a.kind == "region" && !a.gazetteer && am.kind <= AliasKind::kAlias)) {
          owner = a.id;
          qa = te + 1;
          qb = te + 1 + k;
          qkb = am.actor;
          after_end = qb;
          break;
        }
      }
    }
  }
  if (owner.empty()) {
    auto it = title_owner_.find(title);
    if (it != title_owner_.end()) owner = it->second;
  }
  // "The chancellor, Alistair Darling, ...": a name in apposition is the
  // holder, whatever the dates say.
  const int apposition_end = AppositionNameEnd(t, te, n);
  int holder = AppositionHolder(t, te, apposition_end);
  const bool apposition = holder >= 0;
  if (apposition || former) {
    // The name in apposition, or nobody (a former holder is not the one
    // in office at the date).
  } else if (!owner.empty()) {
    holder = kb_.OfficeHolder(title, owner, date_);
  } else {
    // The holder of that office in the dateline's country; else an office
    // holder the article has already named ("the President"), the first
    // one, so the answer does not depend on hash order; else the holder in
    // the country or region the article names most that has the office.
    if (!dateline_country_.empty()) holder = kb_.OfficeHolder(title, dateline_country_, date_);
    for (const ArticleActor& a : result_.actors) {
      if (holder >= 0) break;
      if (a.kb_index >= 0 && a.mention_count > 0 && kb_.HeldTitle(a.kb_index, title, date_)) {
        holder = a.kb_index;
      }
    }
    for (const std::string& focus : focus_owners_) {
      if (holder >= 0) break;
      holder = kb_.OfficeHolder(title, focus, date_);
    }
  }
  if (holder < 0) {
    // "Nigeria's finance minister" when the base lists no holder at the
    // date: a member of that country's government speaks, so the country
    // does (as "officials" do, group_actors.h), rather than nobody.
    // A name in apposition the base does not know ("Kenya's foreign
    // minister, Moses Wetangula,") is the holder the sentence names.
    const int country = owner.empty() ? -1 : kb_.IndexOf(owner);
    if (apposition_end < 0 && !former && country >= 0 && kb_.actor(country).kind == "country" &&
        kb_.IsGovernmentTitle(title)) {
      AddMention(si, s, i, te, kb_.actor(country).type, ActorForKb(country),
                 absl::StrCat("role-holder-unknown:", title, "@", owner), /*is_name=*/false);
      *next = std::max(te, after_end);
      return true;
    }
    if (qkb >= 0) AddQualifier(si, s, qa, qb, qkb);
    *next = std::max(te, after_end);
    return true;
  }
  if (!owner.empty()) title_owner_[title] = owner;
  // "NATO's secretary general": an organisation qualifying the title is a
  // mention of its own; the role is the words after it. (A country's stays
  // inside the role phrase: "Britain's chancellor" is one reference.)
  int role_start = i;
  if (after_end >= 0) {
    AddQualifier(si, s, qa, qb, qkb);  // after the role phrase
  } else if (qkb >= 0 && kb_.actor(qkb).type == claims::v1::ORGANIZATION) {
    AddQualifier(si, s, qa, qb, qkb);
    role_start = possessive ? qb + 1 : qb;
  }
  AddMention(si, s, role_start, te, claims::v1::PERSON, ActorForKb(holder),
             absl::StrCat(apposition ? "apposition:" : "role:", title,
                          owner.empty() ? "" : "@", owner),
             /*is_name=*/false);
  *next = std::max(te, after_end);
  return true;
}

bool ArticleState::TryHonorific(int si, const SentenceTokens& s, int i, int n,
                                int* next) {
  const auto& t = s.tokens;
  if (!t[i].capitalized || i + 1 >= n) return false;
  if (Honorific(t, i) != claims::v1::PERSON) return false;
  // "Mr da Silva", "Mrs von der Leyen": a name may start with a particle.
  const int ne = NameRunEnd(t, i + 1, n, 5);
  if (ne == i + 1) return false;
  // "Freedom and Justice Party": a run that ends in an organisation's head
  // noun names no person.
  if (IsOrganisationHead(t[ne - 1].text)) return false;
  // Nor a known organisation's name that opens with it ("General Motors").
  if (KnownOrganisationEnd(t, i, n) > i + 1) return false;
  // "Former Speaker and ...": a one-word run that is a title names nobody.
  if (ne == i + 2 && IsTitleHead(t, i + 1)) return false;
  // Nor a country's name after it ("Former Mozambique President ...").
  if (const auto* m = FindKb(t, i + 1, i + 2, false);
      m != nullptr && std::any_of(m->begin(), m->end(), [&](const AliasMatch& am) {
        return kb_.actor(am.actor).kind == "country";
      })) {
    return false;
  }
  std::string evidence;
  const char gender = HonorificGender(t[i].text);
  const std::string honorific = Lower(absl::StripSuffix(t[i].text, "."));
  int actor = ResolvePersonName(si, t, i + 1, ne, "", "", gender, honorific, &evidence);
  if (actor == kAmbiguous) {
    actor = -1;
    evidence = "ambiguous:name";
  } else if (actor >= 0) {
    // Tells this person from a namesake later ("Mrs Clinton", "Clinton";
    // "Dr MacLeod" beside "Mr MacLeod").
    if (gender != 0) honorific_gender_.emplace(actor, gender);
    honorific_of_.emplace(actor, honorific);
  }
  // An honorific says person: a discovered actor the tagger typed
  // otherwise at an earlier bare mention ("Barrientos said ... Dr
  // Barrientos") is one.
  if (actor >= 0 && result_.actors[actor].kb_index < 0) {
    result_.actors[actor].type = claims::v1::PERSON;
  }
  if (evidence == "discovered:title") evidence = "discovered";
  AddMention(si, s, i + 1, ne, claims::v1::PERSON, actor,
             absl::StrCat(evidence, "+honorific:", t[i].text));
  AddAliasText(actor, t[i].start, t[ne - 1].end);
  *next = ne;
  return true;
}

// References to known actors by role: "the administration" (the government
// of the official last named), "both leaders" / "neither leader" / "the two
// leaders" (the two people named most so far).
bool ArticleState::TryGroupReference(int si, const SentenceTokens& s, int i,
                                     int n, int* next) {
  const auto& t = s.tokens;
  if (i + 1 >= n) return false;
  const absl::string_view w0 = t[i].lower, w1 = t[i + 1].lower;
  // "the government of Kiribati", "the government in Yerevan" name their
  // country (the group-actor stage reads it).
  const bool names_place = i + 3 < n && (t[i + 2].lower == "of" || t[i + 2].lower == "in") &&
                           IsNameToken(t[i + 3]);
  if (w0 == "the" && (w1 == "administration" || w1 == "government") &&
      !last_government_.empty() && !names_place) {
    int k = kb_.IndexOf(last_government_);
    if (k < 0) return false;
    AddMention(si, s, i, i + 2, kb_.actor(k).type, ActorForKb(k),
               absl::StrCat("article:", w1), /*is_name=*/false);
    *next = i + 2;
    return true;
  }
  int end = -1;
  if ((w0 == "both" || w0 == "neither") &&
      (w1 == "leaders" || w1 == "leader" || w1 == "men")) {
    end = i + 2;
  } else if (w0 == "the" && w1 == "two" && i + 2 < n &&
             (absl::string_view(t[i + 2].lower) == "leaders" ||
              absl::string_view(t[i + 2].lower) == "men")) {
    end = i + 3;
  }
  if (end < 0) return false;
  // The two people named most often so far.
  int first = -1, second = -1;
  for (size_t a = 0; a < result_.actors.size(); ++a) {
    const ArticleActor& act = result_.actors[a];
    int idx = static_cast<int>(a);
    if (act.type != claims::v1::PERSON || act.mention_count == 0 || authors_.contains(idx)) {
      continue;
    }
    if (first < 0 || act.mention_count > result_.actors[first].mention_count) {
      second = first;
      first = idx;
    } else if (second < 0 || act.mention_count > result_.actors[second].mention_count) {
      second = idx;
    }
  }
  if (first < 0 || second < 0) return false;
  for (int a : {first, second}) {
    AddMention(si, s, i, end, claims::v1::PERSON, a, "article:both-leaders",
               /*is_name=*/false);
  }
  *next = end;
  return true;
}

// Hyphenated compounds whose parts are known: "Trump-Netanyahu",
// "US-Israeli", "pro-Israel".
bool ArticleState::TryCompound(int si, const SentenceTokens& s, int i) {
  const Token& tok = s.tokens[i];
  if (tok.text.find('-') == absl::string_view::npos) return false;
  // A double-barrelled name of a person the article named in full
  // ("Ashworth-Ford" after "Helena Ashworth-Ford") is that person.
  if (name_parts_.contains(PartKey(tok.text))) {
    std::string evidence;
    const int actor = ShortName(tok.text, si, i, 0, "", "", nullptr, &evidence);
    if (actor >= 0) {
      AddMention(si, s, i, i + 1, claims::v1::PERSON, actor, std::move(evidence));
      return true;
    }
    if (actor == kAmbiguous) return false;
  }
  // A compound is of known names only: one unknown part makes the token a
  // name of its own ("Okonkwo-Bell" is not Bell), and so does a short
  // lower-case part that is no word: the second syllable of an East Asian
  // given name ("Wen-je" of Ko Wen-je is not Wen Jiabao; "US-led" and
  // "pre-Brexit" stay compounds).
  bool after_name = false;
  for (absl::string_view part : absl::StrSplit(tok.text, '-')) {
    size_t len;
    if (part.empty()) continue;
    if (!text::IsUpper(text::DecodeAt(part, 0, &len))) {
      const std::string lower = absl::AsciiStrToLower(part);
      if (after_name && part.size() <= 3 && !lex_.IsDictionaryWord(lower) &&
          lex_.VerbLemma(lower).empty() && !IsNameParticle(part)) {
        return false;
      }
      after_name = false;
      continue;
    }
    after_name = true;
    if (kb_.Find(part) == nullptr && !name_parts_.contains(PartKey(part))) {
      return false;
    }
  }
  bool any = false;
  size_t offset = 0;
  const bool attitude = absl::StartsWith(tok.lower, "pro-") ||
                        absl::StartsWith(tok.lower, "anti-");
  for (absl::string_view part : absl::StrSplit(tok.text, '-')) {
    size_t ps = tok.start + offset;
    offset += part.size() + 1;
    if (part.empty()) continue;
    size_t len;
    if (!text::IsUpper(text::DecodeAt(part, 0, &len))) continue;
    int actor = -1;
    ActorType type = claims::v1::ACTOR_TYPE_UNSPECIFIED;
    std::string evidence;
    const auto* matches = kb_.Find(part);
    int k = matches == nullptr
                ? -1
                : ChooseKb(*matches, claims::v1::ACTOR_TYPE_UNSPECIFIED);
    if (k >= 0 && kb_.actor(k).type == claims::v1::PERSON &&
        KindOf(*matches, k) == AliasKind::kSurname) {
      // A surname ("Bush-Blair"): a short name like any other.
      k = -1;
      actor = ShortName(part, si, i, 0, "", "", matches, &evidence);
      if (actor == kAmbiguous) continue;
      if (actor >= 0) {
        type = claims::v1::PERSON;
        evidence = "kb:compound";
      }
    }
    if (k >= 0) {
      actor = ActorForKb(k);
      type = kb_.actor(k).type;
      evidence = "kb:compound";
      for (const auto& am : *matches) {
        if (am.actor == k && am.kind == AliasKind::kGroupName) type = claims::v1::GROUP;
      }
    }
    if (actor < 0) {
      int linked = ShortName(part, si, i, 0, "", "", nullptr, &evidence);
      if (linked == kAmbiguous) continue;
      if (linked >= 0) {
        actor = linked;
        type = result_.actors[linked].type;
        evidence = "article:compound";
      }
    }
    if (actor < 0) continue;
    FoundMention m;
    m.start = ps;
    m.end = ps + part.size();
    m.sentence = si;
    m.first_token = i;
    m.last_token = i + 1;
    m.type = type;
    m.actor = actor;
    m.evidence = evidence;
    // "pro-Israel figures", "anti-American protests": an attitude towards
    // the actor, who takes no part.
    m.modifier = attitude;
    AddMention(std::move(m));
    any = true;
  }
  return any;
}

bool ArticleState::WidenedName(const SentenceTokens& s, int i, entities::EntitySpan* widened,
                               bool* speaker_out) {
  const auto& t = s.tokens;
  const int n = static_cast<int>(t.size());
  if (!IsNameToken(t[i]) || t[i].all_caps) return false;
  // A given name before a surname's particles ("Pieter | van den | Berg"):
  // the words from the given name are a person's name.
  int particles = 0;
  while (particles < 2 && i + particles + 2 < n && IsNameParticle(t[i + particles + 1].lower) &&
         !t[i + particles + 1].capitalized) {
    ++particles;
  }
  const entities::EntitySpan* after = particles > 0 ? NameAt(s, i + particles + 1) : nullptr;
  // Or the tagger left out a name's first word where every word is
  // capitalised, at a sentence's start ("Sinar | Sawit Bhd posted ..."): a
  // proper noun right before its span is part of it.
  const entities::EntitySpan* next = i + 1 < n ? NameAt(s, i + 1) : nullptr;
  const bool parsed = s.words.size() == t.size();
  const bool propn =
      parsed && (s.words[i].upos == syntax::Upos::kPropn || s.words[i].xpos == "NNP");
  const bool person = after != nullptr && after->type != entities::EntityType::kOrganization;
  const bool proper = next != nullptr && propn;
  // Or a proper noun alone that the parse makes the subject of a verb of
  // saying ("Quarrington said ...", "..., Quarrington told reporters"): a
  // speaker, most often a person the tagger did not know, mostly a later
  // article's bare surname at a sentence's start, where the tagger reads an
  // unseen capitalised word as an ordinary one.
  const bool speaker = !person && !proper && propn && next == nullptr &&
                       (i == 0 || NameAt(s, i - 1) == nullptr) && IsSpeakerOfSaying(s, i);
  if (!person && !proper && !speaker) return false;
  // Either way the word is one of its own name: no word of the language,
  // no known name (the dearer tests last, for the few words that get here);
  // or a particle itself, capitalised to open the surname ("Van den Berg",
  // though "Van" is a town in Turkey and "van" a word).
  const bool capital_particle = person && IsNameParticle(t[i].lower);
  if (!capital_particle &&
      (IsNameStop(t[i].lower) || IsFunctionWord(i) || IsDictionaryWord(t, i) ||
       FindKb(t, i, i + 1, false) != nullptr)) {
    return false;
  }
  *speaker_out = speaker;
  if (speaker) {
    *widened = entities::EntitySpan{i, i + 1, entities::EntityType::kPerson};
  } else {
    *widened = person ? entities::EntitySpan{i, after->end, entities::EntityType::kPerson}
                      : entities::EntitySpan{i, next->end, next->type};
  }
  return true;
}

// A name the entity tagger found starting at word i: linked to a
// knowledge-base actor of a compatible type, else to a person of the
// article named by one of their names ("Ben-Gvir" after "Itamar Ben-Gvir"),
// else discovered as a new actor of the tagger's type. Other names (MISC)
// are only actors when the knowledge base knows them (demonyms, groups).
bool ArticleState::TryName(int si, const SentenceTokens& s, int i, bool headline,
                           bool titlecase, int* next) {
  const entities::EntitySpan* span = NameAt(s, i);
  if (span == nullptr && rest_sentence_ == si && rest_of_acronym_.begin == i) {
    span = &rest_of_acronym_;
  }
  const auto& t = s.tokens;
  entities::EntitySpan widened;
  bool speaker = false;
  if (span == nullptr && !headline && !titlecase && WidenedName(s, i, &widened, &speaker)) {
    span = &widened;
  }
  // An organisation's name: capitalised words ending in an organisation's
  // head noun ("Nigerian Coastal Fisheries Association"), however the
  // tagger split or typed them.
  entities::EntitySpan joined;
  const int run_end = OrganisationRunEnd(t, i);
  const int of_country = OrganisationOfCountryEnd(t, i, run_end);
  const int org_end = std::max({run_end, LeadingHeadRunEnd(t, i), CoordinatedOrganisationEnd(t, i),
                                of_country});
  if (org_end > 0 && (span == nullptr || span->end < org_end)) {
    joined = {i, org_end, entities::EntityType::kOrganization};
    span = &joined;
  }
  if (span == nullptr) return false;
  int b = std::min<int>(span->end, static_cast<int>(t.size()));
  // "Abdul Aziz | al-Hakim said": a surname with a hyphenated particle
  // right after a person's given names is theirs, where the tagger ended
  // the name before its lower-case letter.
  if (span->type == entities::EntityType::kPerson && b < static_cast<int>(t.size()) &&
      IsParticleName(t[b]) && !IsParticleName(t[b - 1])) {
    ++b;
  }
  // "Ernesto Villegas | de la | Torre": lower-case particles and a
  // capitalised word after a person's name are their surname, where the
  // tagger ended the name before the particles.
  if (span->type == entities::EntityType::kPerson) b = ParticleSurnameEnd(t, b);
  // "the Congress Government of Mr P.V. Narasimha Rao": an honorific inside
  // the tagger's span opens another name, and the span ends before the
  // connector in front of it.
  for (int k = span->begin + 2; k + 1 < b; ++k) {
    if (t[k - 1].is_word && !t[k - 1].capitalized && IsNameConnector(t[k - 1].lower) &&
        t[k].capitalized && Honorific(t, k) == claims::v1::PERSON) {
      b = k - 1;
      break;
    }
  }
  // "the CNDD of Leonard Nyangoma": an acronym takes no "of" phrase into
  // its name, unless the knowledge base knows the whole. A name after the
  // "of" is one of its own, a person's from a given name.
  if (b - span->begin >= 3 && t[span->begin].all_caps && t[span->begin].text.size() >= 2 &&
      t[span->begin + 1].lower == "of" && FindKb(t, span->begin, b, false) == nullptr) {
    if (IsNameToken(t[span->begin + 2])) {
      rest_sentence_ = si;
      rest_of_acronym_ = {span->begin + 2, b,
                          IsGivenName(t[span->begin + 2].text) ? entities::EntityType::kPerson
                                                               : span->type};
    }
    b = span->begin + 1;
  }
  // "the Congress Government", "the Obama Administration": a known name
  // before the word for the government it leads is that actor's mention.
  if (b - span->begin >= 2 && (t[b - 1].text == "Government" || t[b - 1].text == "Administration") &&
      FindKb(t, span->begin, b - 1, false) != nullptr) {
    --b;
  }
  // "The Fed", "The Kremlin", "From Gaza": a sentence's capitalised
  // article or preposition is no part of a name the knowledge base knows
  // without it. "The Hague" and "The Times" are names with their article.
  int a = span->begin + (b - span->begin >= 2 && IsNameStop(t[span->begin].lower) &&
                                 FindKb(t, span->begin, b, false) == nullptr &&
                                 FindKb(t, span->begin + 1, b, false) != nullptr
                             ? 1
                             : 0);
  // "the Sunni-dominated Future Movement", "US-based Nordhav Line": a
  // compound adjective ending in a lower-case word opens no name; its
  // known part is a mention of its own.
  if (b - a >= 2 && IsCompoundAdjective(t[a])) {
    TryCompound(si, s, a);
    ++a;
  }
  // "Born Mahathir bin Mohamad in ...": a verb that opens the sentence,
  // capitalised only for that, is no part of the name it runs into.
  if (a == 0 && b >= 2 && s.words.size() == t.size() &&
      s.words[0].upos == syntax::Upos::kVerb && IsDictionaryWord(t, 0) &&
      FindKb(t, 0, b, false) == nullptr) {
    a = 1;
  }
  // "Newcomer Marie-Claude Tremblay", "Striker Harry Kane": a word of the
  // language opening the sentence, and no given name, describes the person
  // whose name of two words or more follows.
  if (a == 0 && b >= 3 && span->type == entities::EntityType::kPerson &&
      IsDictionaryWord(t, 0) && !IsGivenName(t[0].text) && FindKb(t, 0, b, false) == nullptr) {
    a = 1;
  }
  // "sentenced Bollywood superstar Salman | Khan": a lower-case noun of the
  // language (whatever the tagger made of it) inside a person's span
  // describes the person whose name follows it, which runs on over the name
  // words after the span.
  if (span->type == entities::EntityType::kPerson && FindKb(t, a, b, false) == nullptr) {
    int k = b - 2;
    while (k >= a && (t[k].capitalized || !t[k].is_word || IsNameParticle(t[k].lower))) --k;
    if (k >= a && t[b - 1].capitalized && IsDictionaryWord(t, k) &&
        s.words.size() == t.size() &&
        (s.words[k].upos == syntax::Upos::kNoun || s.words[k].upos == syntax::Upos::kPropn)) {
      a = k + 1;
      b = std::max(b, NameRunEnd(t, a, static_cast<int>(t.size()), 6));
    }
  }
  // "Kenyan Eliud Kipchoge became": a demonym opening a person's span of
  // a name of two words or more is the country's mention of its own, not
  // part of the name (the tagger takes it in at a sentence's start).
  if (b - a >= 3 && span->type == entities::EntityType::kPerson && t[a].capitalized &&
      FindKb(t, a, b, false) == nullptr) {
    if (const int country = DemonymOf(t[a].text); country >= 0) {
      AddKbMention(si, s, a, a + 1, kb_.actor(country).type, ActorForKb(country),
                   kKindNames[static_cast<int>(AliasKind::kDemonym)], AliasKind::kDemonym);
      ++a;
    }
  }
  const bool firm = FirmWordIn(t, a, b);
  const bool described_person =
      !firm && span->type != entities::EntityType::kLocation && DescribesPerson(si, s, a, b);
  if (described_person) ++a;
  // "In December Bolloré agreed", "On Monday Patel said": a month or a
  // weekday after a preposition is no part of the name after it.
  if (b - a >= 2 && a > 0 && IsCalendarWord(t[a].lower) && IsDatePreposition(t[a - 1].lower) &&
      FindKb(t, a, b, false) == nullptr) {
    ++a;
  }
  // "Born Avul Pakir Jainulabdeen Abdul Kalam in 1931 in Rameswaram": a
  // name ends before a lower-case word followed by a number.
  if (FindKb(t, a, b, false) == nullptr) {
    for (int k = a + 2; k < b; ++k) {
      if (t[k].is_number && t[k - 1].is_word && !t[k - 1].capitalized) {
        b = k - 1;
        break;
      }
    }
  }
  // "the Cannes Film Festival on Saturday": nor of the name before it.
  if (b - a >= 3 && IsCalendarWord(t[b - 1].lower) && IsDatePreposition(t[b - 2].lower) &&
      FindKb(t, a, b, false) == nullptr) {
    b -= 2;
  }
  *next = b;
  // A month beside a day's number is a date, whatever name it also is
  // ("SANTIAGO, Jan 23 (Reuters)", "on 5 Jan").
  if (b - a == 1 && MonthOfWord(t[a].text) > 0) {
    auto day = [&](int w) {
      int d = 0;
      return w >= 0 && w < static_cast<int>(t.size()) && absl::SimpleAtoi(t[w].text, &d) &&
             d >= 1 && d <= 31;
    };
    if (day(b) || day(a - 1)) return true;
  }
  // A lone function word is no name, whatever a gazetteer lists ("Of" is
  // a town in Turkey; "Of equal note ..." opens a sentence).
  if (b - a == 1 && !t[a].all_caps && IsFunctionWord(a)) return true;
  ActorType type = described_person ? claims::v1::PERSON : ActorTypeOf(span->type);
  // "the work of O'Sullivan" after "John O'Sullivan": the family name of
  // the one person of it named before, whatever other kind of name the
  // tagger took it for.
  if (type == claims::v1::OTHER_ACTOR && b - a == 1 && !t[a].all_caps &&
      FamilyNameNamedBefore(t[a].text, si, a) >= 0) {
    type = claims::v1::PERSON;
  }
  // A person's name the tagger split at a particle ("Maria Aparecida | dos
  // | Santos Teixeira") is one name; so is a given name it typed otherwise
  // before the particle ("Annelies | van den | Berg"), or a particle
  // capitalised to open the surname ("Van | den | Berg", "Van" a town).
  const bool given_alone =
      b - a == 1 && ((type == claims::v1::OTHER_ACTOR && IsGivenName(t[a].text)) ||
                     (t[a].capitalized && IsNameParticle(t[a].lower)));
  while ((type == claims::v1::PERSON || given_alone) && b + 1 < static_cast<int>(t.size()) &&
         IsNameParticle(t[b].lower)) {
    // One or two particles ("dos", "van den"), then the surname, which the
    // tagger may have taken for a place ("Berg").
    const int p = b + 2 < static_cast<int>(t.size()) && IsNameParticle(t[b + 1].lower) ? 2 : 1;
    const entities::EntitySpan* more = NameAt(s, b + p);
    if (more == nullptr || (ActorTypeOf(more->type) != claims::v1::PERSON &&
                            ActorTypeOf(more->type) != claims::v1::LOCATION)) {
      break;
    }
    b = std::min<int>(more->end, static_cast<int>(t.size()));
    *next = b;
    type = claims::v1::PERSON;
  }
  // A long form an abbreviation defines ("Instituto Raizes do Xingu
  // (IRX)") is a name as it stands: the cuts below are for the tagger's
  // run-on spans.
  const bool defined = [&] {
    if (s.words.size() != t.size()) return false;
    const auto d = entities::FindDefinition(s.words, b);
    return d.has_value() && d->begin == span->begin;
  }();
  // The tagger's person span may stop a word short of a long name ("Tran
  // Thi Ngoc | Hanh"): a proper noun right after it that is no word of
  // the language and no other name is part of it.
  while (type == claims::v1::PERSON && !headline && !titlecase && b - a < 5 &&
         b < static_cast<int>(t.size()) && s.words.size() == t.size() &&
         IsNameToken(t[b]) && !t[b].all_caps && !IsNameStop(t[b].lower) &&
         s.words[b].upos == syntax::Upos::kPropn && !IsDictionaryWord(t, b) &&
         NameAt(s, b) == nullptr) {
    *next = ++b;
  }
  // A generational suffix after a person's name is part of it ("Benigno
  // Simeon Aquino III", "Martin Luther King Jr."): it tells father and son
  // apart.
  if (type == claims::v1::PERSON) {
    int e = b;  // the tagger may have left the surname out with it ("King")
    while (e < static_cast<int>(t.size()) && e - b < 2 && IsNameToken(t[e]) &&
           !IsGenerationalSuffix(t[e].text)) {
      ++e;
    }
    if (e < static_cast<int>(t.size()) && IsGenerationalSuffix(t[e].text)) {
      b = e + 1;
      *next = b;
    }
  }
  // Two person spans side by side, nothing between, are one name ("El
  // Hadji Mamadou | Lamine | Faye": the tagger cut before a surname it
  // knows).
  while (type == claims::v1::PERSON && !headline && !titlecase && b < static_cast<int>(t.size())) {
    const entities::EntitySpan* more = NameAt(s, b);
    if (more == nullptr || more->type != entities::EntityType::kPerson || more->end - a > 7) break;
    b = std::min<int>(more->end, static_cast<int>(t.size()));
    *next = b;
  }
  // A span running on over a comma into lower-case words ("Maga base,
  // which") is a tagger error: only a known name before the comma counts.
  bool broken = false;
  for (int w = a + 1; !defined && w + 1 < b; ++w) {
    const absl::string_view p = t[w].text;
    if ((p == "," || p == ";" || p == "(") && t[w + 1].is_word &&
        !t[w + 1].capitalized) {
      b = w;
      broken = true;
      break;
    }
  }
  // A possessive inside the span, before a name the knowledge base knows,
  // joins two names ("Morales' Movement for Socialism"): the owner's ends
  // there, and the known one is found on its own after it. The span's
  // type was the owned name's: the owner's is for the article and the
  // knowledge base to tell.
  // Not when the knowledge base knows a name with the possessive inside
  // ("People's National Party", "Farmers' Union of Malawi").
  for (int w = a + 1; !broken && !defined && w + 1 < b; ++w) {
    if ((IsPluralPossessive(t[w]) || t[w].possessive) && KnownNameAt(t, w + 1) &&
        KnownNameEnd(t, a, w + 1, b) < 0) {
      b = w;
      *next = b;
      type = claims::v1::ACTOR_TYPE_UNSPECIFIED;
      break;
    }
  }
  // Nor does a name hold a lower-case verb, pronoun or subordinator
  // ("KasPintar denied that its systems"); it ends before one.
  if (!broken && !defined && s.words.size() == t.size()) {
    for (int w = a + 1; w < b; ++w) {
      const syntax::Upos u = s.words[w].upos;
      if (t[w].is_word && !t[w].capitalized &&
          (u == syntax::Upos::kVerb || u == syntax::Upos::kAux || u == syntax::Upos::kPron ||
           u == syntax::Upos::kSconj)) {
        b = w;
        *next = b;
        break;
      }
    }
  }
  // Nor does it end in lower-case words ("Brotherhood and from | its
  // Freedom and Justice Party"): the tagger ran on past it. A particle
  // with a capital after it ("al-Mansouri") and a possessive "'s" are
  // part of the name.
  auto lower_case = [&](int w) {
    const bool possessive = w > 0 && (t[w - 1].text == "'" || t[w - 1].text == "\u2019");
    // (A capital of any script opens a name: "Țăranu".)
    return t[w].is_word && !possessive && !t[w].capitalized &&
           std::none_of(t[w].text.begin(), t[w].text.end(),
                        [](char c) { return absl::ascii_isupper(static_cast<unsigned char>(c)); });
  };
  if (!broken && !defined && b - a > 1 && lower_case(b - 1)) {
    while (b - a > 1 && lower_case(b - 1)) --b;
    *next = b;
  }
  // An organisation's head noun right after the span ("Middle East
  // Institute", "Nanyang Technological University") makes it an
  // organisation's name, whatever the span was typed.
  if (!broken && b < static_cast<int>(t.size()) && IsNameToken(t[b]) &&
      IsOrganisationHead(t[b].text)) {
    ++b;
    *next = b;
  }
  if (IsOrganisationHead(t[b - 1].text) || (b - a >= 2 && LeadingHeadRunEnd(t, a) >= b)) {
    type = claims::v1::ORGANIZATION;
  } else if (b - a >= 2 && IsNamedThingHead(t[b - 1].text)) {
    type = claims::v1::OTHER_ACTOR;
  }
  // So does a legal form after it or at its end ("Padma Knit Composite
  // Ltd", "Sanriku Kaisan Co.").
  auto legal_form = [&](int w) { return t[w].capitalized && IsLegalFormWord(t[w]); };
  if (!broken && b < static_cast<int>(t.size()) && legal_form(b)) {
    ++b;
    *next = b;
  }
  if (b - a >= 2 && legal_form(b - 1)) type = claims::v1::ORGANIZATION;
  // So does a noun for a kind of organisation right before it ("the
  // shipping firm Nordhav Line", "carmaker Volkswagen").
  if (a > 0 && t[a - 1].is_word && !t[a - 1].capitalized &&
      lex_.IsOrganisationNoun(t[a - 1].lower) && type == claims::v1::PERSON) {
    type = claims::v1::ORGANIZATION;
  }
  // And a noun for a kind of person makes a person's name of what the
  // tagger took for an organisation's ("the physicist Niels Bohr",
  // "mountaineer Tenzing Norgay"), without a head noun or legal form.
  if (a > 0 && b - a >= 2 && b - a <= 3 && !firm && !IsOrganisationHead(t[b - 1].text) &&
      classes_ != nullptr &&
      type != claims::v1::PERSON && type != claims::v1::LOCATION && t[a - 1].is_word &&
      !t[a - 1].capitalized && !lex_.IsOrganisationNoun(t[a - 1].lower) &&
      classes_->Of(t[a - 1].lower, syntax::Upos::kNoun) == syntax::WordClasses::kNounPerson &&
      FindKb(t, a, b, false) == nullptr) {
    type = claims::v1::PERSON;
  }
  // "the son of Frans Van Dam" after "Maarten Van Dam": a parent or a
  // child of that family, whatever the tagger's type.
  if (type != claims::v1::PERSON && b - a >= 2 && NamedAsParent(t, a, b).has_value() &&
      FamilyNameNamedBefore(t[b - 1].text, si, a) >= 0) {
    type = claims::v1::PERSON;
  }
  // "Noboa, which sells its fruit": the one organisation of the article
  // with that word in its name, whatever person has it too.
  if (b - a == 1 && b + 1 < static_cast<int>(t.size()) && t[b].text == "," &&
      t[b + 1].lower == "which") {
    if (const int org = OrganisationHolding(t[a].text); org >= 0) {
      AddMention(si, s, a, b, claims::v1::ORGANIZATION, org, "article:organisation-which");
      *next = b;
      return true;
    }
  }
  // "The elder Taylor", "the younger Berdimuhamedov", "the elder De Croo":
  // of the family named before, by the knowledge base's offices. A person
  // whatever the tagger's type, as two people of that family were named.
  if (a > 0 &&
      (b - a == 1 || (b - a == 2 && IsNameParticle(t[a].lower))) &&
      (t[a - 1].lower == "elder" || t[a - 1].lower == "younger")) {
    if (const int who = ElderOrYounger(si, a, Join(t, a, b), t[a - 1].lower == "elder"); who >= 0) {
      AddMention(si, s, a, b, claims::v1::PERSON, who, absl::StrCat("article:", t[a - 1].lower));
      *next = b;
      return true;
    }
  }
  // (A nickname the tagger calls another kind of name: "Tatuzinho".)
  if ((type == claims::v1::PERSON || type == claims::v1::OTHER_ACTOR) && !headline) {
    if (const int same = KnownAsPerson(si, t, a); same >= 0) {
      RegisterNameParts(same, si, a, Join(t, a, b));
      AddMention(si, s, a, b, claims::v1::PERSON, same, "article:known-as");
      known_as_ = {si, b, same};
      *next = b;
      return true;
    }
  }
  const bool folded = headline || t[a].all_caps;
  // A known name may run past the tagger's span ("Gulf states"): the
  // knowledge base's longer form wins.
  int e = b;
  const std::vector<AliasMatch>* m = nullptr;
  // (The span itself always: "People's National Party" is three words of
  // the knowledge base's and four tokens.)
  for (int k = std::max(std::min(Facts(a).alias_words, static_cast<int>(t.size()) - a), b - a);
       k >= b - a; --k) {
    m = FindKb(t, a, a + k, folded);
    if (m != nullptr) {
      e = a + k;
      break;
    }
  }
  // Or end inside a span the tagger ran on past it into lower-case words
  // ("Gulf states | agreed"); not a person's, whose longer name is
  // another person.
  // (Not inside an organisation's name of its country, which holds
  // "of the": "Communist Party | of the Philippines".)
  const bool whole_of_country = of_country > 0 && a == i && b == of_country;
  for (int k = b - a - 1; m == nullptr && type != claims::v1::PERSON && !whole_of_country && k >= 2;
       --k) {
    if (t[a + k].capitalized) continue;
    m = FindKb(t, a, a + k, folded);
    if (m != nullptr) e = a + k;
  }
  // A demonym or country before an organisation's name the knowledge base
  // knows for that country ("the Uruguayan Colorado Party", "U.S. Treasury
  // Department"): the country's namesake, the country's word in the span.
  if (m == nullptr && b - a >= 2 && type != claims::v1::PERSON) {
    const std::string country = QualifyingCountry(t, a + 1, si);
    const std::vector<AliasMatch>* named = country.empty() ? nullptr : FindKb(t, a + 1, b, folded);
    const int c = named == nullptr ? -1 : ChooseKb(*named, claims::v1::ORGANIZATION, country);
    if (c >= 0 && kb_.actor(c).country == country) {
      AddKbMention(si, s, a, b, claims::v1::ORGANIZATION, ActorForKb(c), "kb:alias+country",
                   KindOf(*named, c));
      *next = b;
      return true;
    }
  }
  // Another romanisation of a known person's name ("Mahmud Ahmadinezhad").
  if (m == nullptr && type == claims::v1::PERSON) m = FindKb(t, a, b, folded, nullptr, true);
  const bool variant = m != nullptr && variant_;
  // A person's double-barrelled name ("Amara Okonkwo-Bell", or
  // "Okonkwo-Bell" after it) is one name, not a compound of known ones.
  const bool person_name =
      type == claims::v1::PERSON &&
      (b - a >= 2 || name_parts_.contains(PartKey(t[a].text)));
  if (m == nullptr && !person_name) {
    // "US-Israeli", "the Trump-Netanyahu Alliance": compounds of known
    // names are their mentions, not one name.
    bool compound = false;
    for (int w = a; w < b; ++w) compound = TryCompound(si, s, w) || compound;
    if (compound) return true;
    // Title-case headings capitalise every word: dictionary words alone
    // there ("About the Author", "Parallel Political Constraints") are no
    // name; nor is a lone one that opens a sentence and that the tagger of
    // parts of speech calls no proper noun ("Political survival ...").
    bool words_only = true;
    for (int w = a; w < b && words_only; ++w) {
      // A plural's lemma is the dictionary's word ("Constraints").
      words_only = IsDictionaryWord(t, w) ||
                   (s.words.size() == t.size() &&
                    lex_.IsDictionaryWord(absl::AsciiStrToLower(s.words[w].lemma)));
    }
    if (words_only && titlecase) return true;
    if (words_only && a == 0 && b == 1 && s.words.size() == t.size() &&
        s.words[0].upos != syntax::Upos::kPropn) {
      return true;
    }
  }
  // "the Jubilee party", "the Communist party": a party's name with its
  // head noun in lower case, as some house styles write it.
  if (e == b && b < static_cast<int>(t.size()) && t[b].lower == "party" &&
      type != claims::v1::PERSON) {
    const std::string party = absl::StrCat(Join(t, a, b), " Party");
    int c = -1;
    if (const auto* known = kb_.Find(party)) c = ChooseKb(*known, claims::v1::ORGANIZATION);
    // A house style for parties at home: not one of a country the article
    // has not named ("his Order and Justice party" in Vilnius is no Korean
    // "Justice Party").
    if (c >= 0 && ForeignOrganisation(c)) c = -1;
    if (c < 0) c = OrganisationOfFocusCountry(party);
    if (c >= 0) {
      AddKbMention(si, s, a, b + 1, claims::v1::ORGANIZATION, ActorForKb(c), "kb:name-lower-case-head",
                   AliasKind::kAlias);
      *next = b + 1;
      return true;
    }
  }
  if (e - a == 1 && type != claims::v1::PERSON) {
    // Typed as the tagger typed it: members ("Socialists") are other names
    // in CoNLL's scheme.
    if (const int party = PartyOfMembers(t[a]); party >= 0) {
      AddMention(si, s, a, e, type, party, "article:party-members");
      *next = e;
      return true;
    }
  }
  // A known name longer than the tagger's span ("Gulf | states") shows the
  // tagger cut the name, and its type is no better than its span.
  const std::string qualifier = m != nullptr && m->size() > 1 ? QualifyingCountry(t, a, si) : "";
  int k = m == nullptr ? -1
                       : ChooseKb(*m, e > b ? claims::v1::ACTOR_TYPE_UNSPECIFIED : type, qualifier);
  // A name of several words the base knows whole, for no person, is not a
  // person's whatever the tagger typed it ("his party, Fianna Fáil").
  if (k < 0 && m != nullptr && type == claims::v1::PERSON && e - a >= 2) {
    k = ChooseKbByOwnName(*m, claims::v1::ACTOR_TYPE_UNSPECIFIED);
  }
  // One word the tagger took for a person's name that the base knows as a
  // place's own name or alias (not a gazetteer town's), and that is no name
  // of anyone the article has named, is the place ("Saigon, the former
  // capital").
  if (k < 0 && m != nullptr && type == claims::v1::PERSON && e - a == 1 &&
      !name_parts_.contains(PartKey(t[a].text))) {
    k = ChooseKbByOwnName(*m, claims::v1::LOCATION);
  }
  // An acronym the base knows as a person's own alias ("MBZ", "AMLO") is
  // that person, whatever other kind of name the tagger took it for.
  if (k < 0 && m != nullptr && type != claims::v1::PERSON && e - a == 1 && t[a].all_caps) {
    k = ChooseKbByOwnName(*m, claims::v1::PERSON);
  }
  if (k >= 0 && variant && b - a == 1 && !VariantSurnameFits(k)) k = -1;
  // So is a party's name of common words: parties the world over share
  // them ("Progressive Party" of Iceland, of the Maldives; not "Fretilin").
  bool common_words = true;
  for (int w = a; w < e && common_words; ++w) common_words = IsDictionaryWord(t, w);
  if (k >= 0 &&
      ((e - a == 1 && t[a].all_caps) || OfSeveralCountries(*m) ||
       (common_words && kb_.actor(k).kind == "party")) &&
      kb_.actor(k).country != qualifier && ForeignOrganisation(k)) {
    k = -1;
  }
  // Nor, where the article's own country has a party of that name with the
  // country (below), is it another named country's ("the ruling Socialist
  // Party" in a Dakar story that names France).
  if (k >= 0 && common_words && kb_.actor(k).kind == "party" && qualifier.empty() &&
      kb_.actor(k).country != FocusCountry() && OrganisationOfFocusCountry(Join(t, a, b)) >= 0) {
    k = -1;
  }
  if (k < 0 && b - a >= 2 && type == claims::v1::ORGANIZATION) {
    if (const int c = OrganisationOfFocusCountry(Join(t, a, b)); c >= 0) {
      AddKbMention(si, s, a, b, type, ActorForKb(c), "kb:name-with-country", AliasKind::kAlias);
      *next = b;
      return true;
    }
  }
  // "his contract with Dortmund" after "Borussia Dortmund": a city's name
  // the tagger reads as an organisation's is the one organisation of the
  // article named with it. Not a country's or a region's ("Ghana beat
  // Nigeria" beside "the Bank of Ghana" is the national team).
  if (k >= 0 && e - a == 1 && type == claims::v1::ORGANIZATION &&
      kb_.actor(k).type == claims::v1::LOCATION &&
      (kb_.actor(k).kind == "city" || kb_.actor(k).kind == "place")) {
    if (const int org = OrganisationHolding(t[a].text); org >= 0) {
      AddMention(si, s, a, e, claims::v1::ORGANIZATION, org, "article:organisation-of-place");
      *next = e;
      return true;
    }
  }
  if (k >= 0) {
    const int b = e;  // the knowledge base's extent
    *next = e;
    {
      const AliasKind kind = KindOf(*m, k);
      if (kind == AliasKind::kDemonym && b - a == 1 && AddOrganisationOpenedByDemonym(si, s, a)) {
        return true;
      }
      int actor = -1;
      std::string evidence = variant ? "kb:variant" : kKindNames[static_cast<int>(kind)];
      // A surname with its particles ("De Croo") is as short a name as one
      // word: first the people the article named with it.
      bool particles = b - a > 1;
      for (int w = a; w + 1 < b && particles; ++w) particles = IsNameParticle(t[w].lower);
      if (kind == AliasKind::kSurname && (b - a == 1 || particles)) {
        actor = ShortName(Join(t, a, b), si, a, 0, "", "", m, &evidence);
        if (actor == kAmbiguous) {
          AddMention(si, s, a, b, type, -1, "ambiguous:name");
          return true;
        }
      }
      // "Tito" after "Teburoro Tito": a one-word alias of a known person of
      // several names the article has not named is the family name of the
      // one person it named before in full with it (not a one-name
      // person's other spelling: "Soeharto" after "Tommy Soeharto" is still
      // Suharto).
      if (actor < 0 && b - a == 1 && kind == AliasKind::kAlias &&
          kb_.actor(k).type == claims::v1::PERSON && !kb_to_actor_.contains(k) &&
          kb_.actor(k).name.find(' ') != std::string::npos) {
        const int person = FamilyNameNamedBefore(t[a].text, si, a);
        if (person >= 0 && result_.actors[static_cast<size_t>(person)].kb_index != k) {
          AddMention(si, s, a, b, claims::v1::PERSON, person, "article:name-not-alias");
          return true;
        }
      }
      // "Luis Montenegro ... Montenegro, 51, a lawyer": the family name of
      // the one person named before in full, by a given name, in an article
      // that has not named the country (or place) of that name ("Lebed
      // Chechnya", a headline the tagger read as a name, is no person's).
      if (actor < 0 && b - a == 1 && kb_.actor(k).type == claims::v1::LOCATION &&
          !kb_to_actor_.contains(k)) {
        const int person = FamilyNameNamedBefore(t[a].text, si, a);
        if (person >= 0 &&
            IsGivenName(FirstWord(result_.actors[static_cast<size_t>(person)].name))) {
          AddMention(si, s, a, b, claims::v1::PERSON, person, "article:name-not-place");
          return true;
        }
      }
      if (actor < 0) {
        actor = ActorForKb(k);
        RegisterNameParts(actor, si, a, Join(t, a, b));
      }
      // The tagger types the mention ("Washington" the government is an
      // ORG mention of the USA); the knowledge base names the actor, and
      // types what the tagger calls other names ("Qatari"), a person when
      // it is none ("Fianna Fáil") or is one ("MBZ" read as an
      // organisation) and what had no type of its own.
      ActorType mention_type = type;
      if (kind == AliasKind::kGroupName) {
        mention_type = claims::v1::GROUP;
      } else if (type == claims::v1::OTHER_ACTOR || type == claims::v1::ACTOR_TYPE_UNSPECIFIED ||
                 (type == claims::v1::PERSON) != (result_.actors[actor].type == claims::v1::PERSON)) {
        mention_type = result_.actors[actor].type;
      }
      AddKbMention(si, s, a, b, mention_type, actor, std::move(evidence), kind);
      return true;
    }
  }
  if (type == claims::v1::OTHER_ACTOR) {
    if (!AddOrganisationsWithin(si, s, a, b)) AddMention(si, s, a, b, type, -1, "tagger:MISC");
    return true;
  }
  if (broken) return true;
  // "Watergate", "Partygate", "Signalgate": a scandal named by a word or a
  // known name and "-gate" is an affair, not an actor.
  if (b - a == 1 && type != claims::v1::LOCATION) {
    const absl::string_view w = t[a].lower;
    if (w.size() > 6 && absl::EndsWith(w, "gate")) {
      const absl::string_view stem = t[a].text.substr(0, t[a].text.size() - 4);
      if (lex_.IsDictionaryWord(absl::AsciiStrToLower(stem)) ||
          kb_.Find(stem) != nullptr) {
        AddMention(si, s, a, b, claims::v1::OTHER_ACTOR, -1, "scandal");
        return true;
      }
    }
  }
  std::string name = Join(t, a, b);
  int actor = -1;
  std::string evidence = "article:name";
  // "Hadiwijaya, who founded it" is a person, whatever the company of
  // that name and the tagger, which reads a company's first word alone as
  // the company.
  if (b - a == 1) {
    const bool who_follows = b + 1 < static_cast<int>(t.size()) && t[b].text == "," &&
                             (t[b + 1].lower == "who" || t[b + 1].lower == "whom");
    if ((type == claims::v1::PERSON || IsGivenName(t[a].text)) &&
        (actor = KinNamed(si, t, a)) >= 0) {
      evidence = "article:kin-name";
      RegisterNameParts(actor, si, a);
    } else if (who_follows) {
      type = claims::v1::PERSON;
    } else {
      actor = OrganisationNamedBefore(t[a].text, si, a);
      if (actor >= 0) evidence = "article:organisation-short";
    }
  }
  if (const int w = SurnameAlone(t, a, b); w >= 0 && actor < 0) {
    actor = ShortName(t[w].text, si, w, 0, "", "", nullptr, &evidence);
    if (actor == kAmbiguous) {
      AddMention(si, s, a, b, type, -1, "ambiguous:name");
      return true;
    }
  }
  // "Ferreira Rubio" after "Delia Ferreira Rubio": a double surname alone.
  if (actor < 0 && b - a == 2 && type == claims::v1::PERSON) {
    if (const int person = FamilyNameNamedBefore(name, si, a); person >= 0) actor = person;
  }
  if (actor < 0 && (headline || t[a].all_caps)) {
    auto it = by_folded_name_.find(Lower(name));
    if (it != by_folded_name_.end() && it->second >= 0) {
      actor = it->second;
      evidence = "article:name-folded";
    }
  }
  // A known person's two names in the other order, where news writes them
  // either way ("Orbán Viktor"); three names with the grandfather's last,
  // where people go by their first ("Abiy Ahmed Ali"), or with the
  // mother's surname last ("Sebastián Piñera Echenique").
  // Not a family name with its particle ("Abdul Karim al-Jaberi" is not
  // "Abdul Karim al-Kabariti").
  if (actor < 0 && type == claims::v1::PERSON && (b - a == 2 || b - a == 3) &&
      !IsParticleName(t[b - 1])) {
    const bool two = b - a == 2;
    const std::string other = two ? absl::StrCat(t[a + 1].text, " ", t[a].text) : Join(t, a, b - 1);
    const auto* known = kb_.Find(other);
    const int k = known == nullptr ? -1 : ChooseKb(*known, claims::v1::PERSON);
    if (k >= 0 && KindOf(*known, k) <= AliasKind::kAlias &&
        (two ? EitherNameOrder(kb_.actor(k).country)
             : CalledByFirstName(kb_.actor(k).country) ||
                   TwoSurnamesFatherFirst(kb_.actor(k).country))) {
      actor = ActorForKb(k);
      evidence = two ? "kb:name-reversed" : "kb:name-without-last";
    }
  }
  if (actor < 0 && type == claims::v1::PERSON) {
    if (const int k = KnownShorterName(t, a, b, &evidence); k >= 0) actor = ActorForKb(k);
  }
  // An acronym of the initials of one organisation the article named
  // ("the FJP" after "the Freedom and Justice Party").
  if (actor < 0 && b - a == 1 && t[a].all_caps) {
    actor = OrganisationByInitials(t[a].text);
    if (actor >= 0) evidence = "article:initials";
  }
  if (actor < 0 && type == claims::v1::PERSON && b - a >= 2) {
    actor = NameVariantOf(name, si, a);
  }
  if (actor >= 0 && type == claims::v1::PERSON && b - a >= 2) {
    RegisterNameParts(actor, si, a);
  }
  // One word the tagger calls a person is more likely a surname than a
  // company's first word ("Hadiwijaya" beside "PT Hadiwijaya Sawit").
  if (actor < 0 && (b - a >= 2 || type == claims::v1::ORGANIZATION)) {
    actor = OrganisationShortened(name, type == claims::v1::ORGANIZATION);
    if (actor >= 0) evidence = "article:organisation-short";
  }
  if (actor < 0 && b - a == 1 && t[a].capitalized) {
    actor = ClubShortened(t[a].text);
    if (actor >= 0) evidence = "article:club-short";
  }
  if (actor < 0 && a > 0 && t[a - 1].lower == "the") {
    actor = OrganisationByHead(name);
    if (actor >= 0) evidence = "article:organisation-head";
  }
  if (actor < 0) {
    actor = Discover(std::move(name), type);
    evidence = speaker ? "syntax:speaker"
                       : absl::StrCat("tagger:", entities::EntityTypeName(span->type));
    if (b - a >= 2) RegisterNameParts(actor, si, a);
  }
  if (actor < 0) return true;
  AddMention(si, s, a, b, result_.actors[actor].type, actor, std::move(evidence));
  return true;
}

bool ArticleState::TryKbOrName(int si, const SentenceTokens& s, int i, int n,
                               bool headline, bool titlecase, int* next) {
  const auto& t = s.tokens;
  const Token& tok = t[i];
  // An acronym the article defined is its organisation, whatever the
  // knowledge base knows by it ("the CPP" after "the Communist Party of the
  // Philippines (CPP)", not Cambodia's) and also where the tagger missed it
  // ("1MDB has debts" after "1Malaysia Development Berhad (1MDB)").
  if (auto it = defined_acronyms_.find(tok.text);
      tok.all_caps && !headline && it != defined_acronyms_.end()) {
    const entities::EntitySpan* span = NameAt(s, i);
    if (span == nullptr || span->end == i + 1) {
      AddMention(si, s, i, i + 1, result_.actors[it->second].type, it->second, "article:acronym");
      *next = i + 1;
      return true;
    }
  }
  if (TryName(si, s, i, headline, titlecase, next)) return true;
  if (!tok.is_word || (!tok.all_caps && IsFunctionWord(i))) {
    return TryGroupReference(si, s, i, n, next);
  }
  // Demonyms and group names ("Israeli", "Palestinians") that the tagger
  // leaves out of its names still refer to their country's actor; so do a
  // person's or organisation's full name or alias the tagger missed
  // ("Erdoğan said"), when capitalised and no dictionary word ("Apple").
  if (!headline) {
    if (const int party = PartyOfMembers(tok); party >= 0) {
      AddMention(si, s, i, i + 1, claims::v1::ORGANIZATION, party, "article:party-members");
      *next = i + 1;
      return true;
    }
  }
  for (int k = std::min(Facts(i).alias_words, n - i); k >= 1; --k) {
    const auto* m = FindKb(t, i, i + k, headline || tok.all_caps);
    if (m == nullptr) continue;
    bool capitalised = !headline && !(k == 1 && IsDictionaryWord(t, i));
    // Function words may join the capitalised ones inside ("Freedom and
    // Justice Party", "Bank of England").
    for (int w = i; w < i + k && capitalised; ++w) {
      capitalised = IsNameToken(t[w]) || (w > i && w + 1 < i + k && IsFunctionWord(w));
    }
    // The likeliest first, as for a name the tagger found ("SLPP" in
    // Freetown is Sierra Leone's party, not Sri Lanka's).
    std::vector<AliasMatch> ordered;
    if (m->size() > 1) {
      ordered = *m;
      const int likeliest = ChooseKb(ordered, claims::v1::ACTOR_TYPE_UNSPECIFIED);
      std::stable_partition(ordered.begin(), ordered.end(),
                            [likeliest](const AliasMatch& am) { return am.actor == likeliest; });
      m = &ordered;
    }
    for (const AliasMatch& am : *m) {
      const ActorType kb_type = kb_.actor(am.actor).type;
      const bool missed_name =
          capitalised && am.kind <= AliasKind::kAlias &&
          (kb_type == claims::v1::PERSON || kb_type == claims::v1::ORGANIZATION);
      if (am.kind != AliasKind::kDemonym && am.kind != AliasKind::kGroupName && !missed_name) {
        continue;
      }
      if (am.kind == AliasKind::kDemonym && k == 1 && AddOrganisationOpenedByDemonym(si, s, i)) {
        *next = i + 1;
        return true;
      }
      const int actor = ActorForKb(am.actor);
      AddKbMention(si, s, i, i + k,
                   am.kind == AliasKind::kGroupName ? claims::v1::GROUP
                                                    : kb_.actor(am.actor).type,
                   actor, kKindNames[static_cast<int>(am.kind)], am.kind);
      if (missed_name && k >= 2) RegisterNameParts(actor, si, i, Join(t, i, i + k));
      *next = i + k;
      return true;
    }
    break;
  }
  // A name part of a person the article named in full, which the tagger
  // missed ("Evangeline is a research associate" after "Evangeline
  // Cheng"): capitalised and no dictionary word.
  if (tok.capitalized && !tok.all_caps && !headline && !IsDictionaryWord(t, i) &&
      name_parts_.contains(PartKey(tok.text))) {
    std::string evidence;
    const int actor = ShortName(tok.text, si, i, 0, "", "", nullptr, &evidence);
    if (actor >= 0) {
      AddMention(si, s, i, i + 1, claims::v1::PERSON, actor, std::move(evidence));
      *next = i + 1;
      return true;
    }
  }
  if (TryCompound(si, s, i)) {
    *next = i + 1;
    return true;
  }
  return false;
}

void ArticleState::Process(int si, const SentenceTokens& s) {
  const auto& t = s.tokens;
  if (first_body_sentence_ < 0 && s.section == claims::v1::SECTION_BODY) {
    first_body_sentence_ = si;
  }
  if (s.section == claims::v1::SECTION_CAPTION) caption_sentences_.insert(si);
  int n = std::min<int>(static_cast<int>(t.size()), kMaxTokensPerSentence);
  if (sentence_facts_.size() <= static_cast<size_t>(si)) {
    sentence_facts_.resize(static_cast<size_t>(si) + 1);
  }
  facts_ = &sentence_facts_[static_cast<size_t>(si)];
  if (!ands_.contains(si)) {
    std::vector<int>& ands = ands_[si];
    for (int i = 0; i < n; ++i) {
      if (t[i].lower == "and" || t[i].text == "&") ands.push_back(i);
    }
  }
  if (facts_->size() != t.size()) {
    facts_->assign(t.size(), TokenFacts());
    for (int i = 0; i < n; ++i) {
      TokenFacts& f = (*facts_)[static_cast<size_t>(i)];
      const KnowledgeBase::WordsFrom from = kb_.MaxWordsFrom(t[i].lower);
      f.alias_words = from.alias;
      // A dotted acronym is looked up by its letters (FindKb).
      if (f.alias_words == 0 && IsDottedAcronym(t[i].text) &&
          kb_.MaxWordsFrom(absl::StrReplaceAll(t[i].lower, {{".", ""}})).alias > 0) {
        f.alias_words = 1;
      }
      f.title_words = from.title;
      f.function_word = lex_.IsFunctionWord(t[i].lower);
    }
    NoteNamePairs(s, n);
  }
  int words = 0, caps = 0, allcaps = 0;
  for (int i = 0; i < n; ++i) {
    if (!t[i].is_word) continue;
    ++words;
    if (t[i].capitalized) ++caps;
    if (t[i].all_caps || (t[i].text.size() == 1 && t[i].capitalized)) ++allcaps;
  }
  bool headline = words >= 3 && allcaps * 10 >= words * 8;
  // A line of three capitalised words or more and nothing else ("Parallel
  // Political Constraints") is a heading too.
  bool titlecase = !headline &&
                   (s.section == claims::v1::SECTION_HEADING ||
                    s.section == claims::v1::SECTION_TITLE ||
                    (words >= 4 && caps * 10 >= words * 7) || (words >= 3 && caps == words));
  int i = 0;
  // A label such as "Image Caption:" or "Editor's note:" opens the sentence;
  // a clause does not ("Smith told reporters: ...").
  const bool parsed = s.words.size() == s.tokens.size();
  for (int k = 1; k < std::min(n, 5); ++k) {
    if (t[k].text != ":") continue;
    bool label = true;
    for (int j = 0; j < k && label; ++j) {
      label = (!t[j].is_word || t[j].possessive || IsDictionaryWord(t, j)) &&
              !(parsed && s.words[j].upos == syntax::Upos::kVerb);
    }
    if (label) i = k + 1;
    break;
  }
  const size_t first_mention = result_.mentions.size();
  while (i < n) {
    int next = i + 1;
    if (TryNamedInitials(si, s, i)) {
      ++i;
      continue;
    }
    if (TryTitle(si, s, i, n, &next) || TryHonorific(si, s, i, n, &next) ||
        TryKbOrName(si, s, i, n, headline, titlecase, &next)) {
      i = LinkAcronym(si, s, std::max(next, i + 1), n);
      continue;
    }
    ++i;
  }
  MarkPaths(si, s, first_mention);
}

void ArticleState::MarkPaths(int si, const SentenceTokens& s, size_t first_mention) {
  const auto& t = s.tokens;
  auto is_place = [&](const FoundMention& m) {
    return m.actor >= 0 && m.sentence == si &&
           result_.actors[m.actor].type == claims::v1::LOCATION;
  };
  auto word_before = [&](const FoundMention& m, int back) -> absl::string_view {
    const int w = m.first_token - back;
    return w >= 0 ? absl::string_view(t[w].lower) : absl::string_view();
  };
  std::vector<FoundMention>& ms = result_.mentions;
  for (size_t k = first_mention; k < ms.size(); ++k) {
    if (!is_place(ms[k]) || word_before(ms[k], 1) != "from") continue;
    // The places that follow as "(,) to X": at least one makes a path.
    std::vector<size_t> path = {k};
    int end = ms[k].last_token;
    for (size_t j = k + 1; j < ms.size(); ++j) {
      if (!is_place(ms[j])) break;
      const int gap = ms[j].first_token - end;
      const bool comma = gap == 2 && t[end].text == ",";
      if (word_before(ms[j], 1) != "to" || !(gap == 1 || comma)) break;
      path.push_back(j);
      end = ms[j].last_token;
    }
    if (path.size() < 2) continue;
    for (size_t j : path) ms[j].modifier = true;
    k = path.back();
  }
}

}  // namespace

ArticleActor ArticleActor::FromKb(const KbActor& k, int kb_index) {
  ArticleActor a;
  a.id = k.id;
  a.name = k.name;
  a.type = k.type;
  a.kb_index = kb_index;
  a.kind = k.kind;
  a.country = k.country;
  a.role = k.role;
  return a;
}

MentionResult MentionFinder::Find(absl::string_view body,
                                  const std::vector<SentenceTokens>& sentences,
                                  absl::string_view date,
                                  const std::vector<std::string>& authors) const {
  ArticleState state(kb_, lex_, genders_, classes_, body, date);
  for (const auto& a : authors) state.AddAuthor(a);
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) state.StartSecondPass();
    for (size_t i = 0; i < sentences.size(); ++i) {
      state.Process(static_cast<int>(i), sentences[i]);
    }
  }
  return state.Take();
}

}  // namespace claims
