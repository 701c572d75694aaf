#include "common/extract/mentions.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/text/utf8.h"

namespace claims {
namespace {

using claims::v1::ActorType;
using text::Token;

// Bounded work: tokens of one sentence considered for mentions.
constexpr int kMaxTokensPerSentence = 250;
// Longest unlisted name, in tokens.
constexpr int kMaxNameTokens = 7;
// Longest job title not in the knowledge base ("Deputy Foreign Minister").
constexpr int kGenericTitleWords = 3;

std::string Lower(absl::string_view s) { return absl::AsciiStrToLower(s); }

std::string Slug(absl::string_view name) {
  std::string out;
  bool dash = false;
  for (unsigned char c : name) {
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

bool IsConnector(absl::string_view w) {
  static const auto* const kWords = new absl::flat_hash_set<std::string>{
      "of", "de", "del", "della", "da", "di", "du", "la", "le", "van", "von",
      "der", "den", "bin", "ibn", "al", "el", "for", "&", "y", "des"};
  return kWords->contains(w);
}

bool IsCalendarWord(absl::string_view w) {
  if (!w.empty() && w.back() == '.') {
    static const auto* const kAbbrev = new absl::flat_hash_set<std::string>{
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
        "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    w.remove_suffix(1);
    if (kAbbrev->contains(w)) return true;
  }
  static const auto* const kWords = new absl::flat_hash_set<std::string>{
      "January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December", "Monday",
      "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
      "Christmas", "Easter", "Ramadan", "First", "Second",
      "Third", "Fourth", "Fifth", "Last", "Next"};
  return kWords->contains(w);
}

// Nationality or style adjectives: "European", "English", "Olympic".
bool LooksLikeAdjective(absl::string_view w) {
  for (absl::string_view suffix : {"ean", "ian", "an", "ish", "ese", "ic", "ern"}) {
    if (w.size() > suffix.size() + 2 && absl::EndsWith(w, suffix)) return true;
  }
  return false;
}

bool IsSpeechVerb(absl::string_view lower) {
  return lower == "said" || lower == "says" || lower == "told" ||
         lower == "added" || lower == "scored" || lower == "wrote";
}

// Capitalised words that never continue a name ("President Trump The...").
bool IsNameStop(absl::string_view lower) {
  static const auto* const kWords = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for",
      "but", "this", "that", "these", "those", "he", "she", "it", "they",
      "we", "i", "his", "her", "their", "its", "as", "by", "with", "from"};
  return kWords->contains(lower);
}

// A token that can be part of a name: capitalised word or initials.
bool IsNameToken(const Token& t) {
  return t.is_word && t.capitalized && !t.possessive;
}

bool IsOpeningPunct(absl::string_view w) {
  return w == "\"" || w == "\xE2\x80\x9C" || w == "'" || w == "\xE2\x80\x98" ||
         w == "(" || w == ":" || w == "-" || w == "\xE2\x80\x94" || w == "[";
}

// Tokens t[a, b) joined by single spaces, into *out.
void JoinTo(const std::vector<Token>& t, int a, int b, std::string* out) {
  out->clear();
  for (int i = a; i < b; ++i) {
    if (i > a) out->push_back(' ');
    out->append(t[i].text.data(), t[i].text.size());
  }
}

std::string Join(const std::vector<Token>& t, int a, int b) {
  std::string out;
  JoinTo(t, a, b, &out);
  return out;
}

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
  ArticleState(const KnowledgeBase& kb, const Lexicon& lex, absl::string_view body,
               absl::string_view date)
      : kb_(kb), lex_(lex), body_(body), date_(date) {}

  void AddAuthor(absl::string_view name) {
    int a = Discover(std::string(name), claims::v1::PERSON);
    RegisterNameParts(a);
  }

  void Process(int si, const SentenceTokens& s);

  // After a first pass over the article: forget the mentions but keep the
  // actors and names learnt, so a short name before its full form links.
  void StartSecondPass() {
    result_.mentions.clear();
    for (auto& a : result_.actors) a.mention_texts.clear();
    last_person_ = -1;
    last_government_.clear();
    title_owner_.clear();
    for (auto& a : result_.actors) a.mention_count = 0;
    for (size_t i = 0; i < result_.actors.size(); ++i) {
      const ArticleActor& a = result_.actors[i];
      if (a.type == claims::v1::OTHER_ACTOR) continue;
      auto [it, inserted] = by_folded_name_.emplace(Lower(a.name), static_cast<int>(i));
      if (!inserted && it->second != static_cast<int>(i)) it->second = -2;
    }
    second_pass_ = true;
  }

  MentionResult Take() {
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
    ArticleActor a;
    a.id = k.id;
    a.name = k.name;
    a.type = k.type;
    a.kb_index = kb_index;
    a.kind = k.kind;
    a.country = k.country;
    a.role = k.role;
    int idx = static_cast<int>(result_.actors.size());
    result_.actors.push_back(std::move(a));
    kb_to_actor_[kb_index] = idx;
    id_to_actor_[k.id] = idx;
    if (k.type == claims::v1::PERSON) RegisterNameParts(idx);
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
    if (type == claims::v1::PERSON) RegisterNameParts(idx);
    return idx;
  }

  // First and last names of a person, for later short mentions.
  void RegisterNameParts(int actor) {
    if (actor < 0) return;
    const ArticleActor& a = result_.actors[actor];
    std::vector<std::string> names = {a.name};
    if (a.kb_index >= 0) {
      for (const auto& al : kb_.actor(a.kb_index).aliases) names.push_back(al);
    }
    for (const auto& n : names) {
      std::vector<std::string> words = absl::StrSplit(n, ' ', absl::SkipEmpty());
      if (words.size() < 2) continue;
      for (const std::string& w : {words.front(), words.back()}) {
        if (w.size() < 3 || w.back() == '.') continue;
        auto [it, inserted] = name_parts_.emplace(w, actor);
        if (!inserted && it->second != actor) it->second = -2;  // ambiguous
      }
    }
  }

  int LinkedName(absl::string_view word) const {
    auto it = name_parts_.find(KnowledgeBase::NormalizeKey(word));
    return it == name_parts_.end() ? -1 : it->second;
  }

  // Picks among knowledge-base candidates for one surface form.
  int ChooseKb(const std::vector<AliasMatch>& matches, bool person_only) {
    int best = -1;
    int best_score = -1000;
    for (const AliasMatch& m : matches) {
      const KbActor& k = kb_.actor(m.actor);
      if (person_only && k.type != claims::v1::PERSON) continue;
      int score = -static_cast<int>(m.kind) * 10;
      if (kb_to_actor_.contains(m.actor)) score += 25;
      for (int o : k.offices) {
        const KbOffice& office = kb_.offices()[o];
        if (!date_.empty() && office.start <= date_ &&
            (office.end.empty() || date_ < office.end)) {
          score += 8;
          break;
        }
      }
      if (score > best_score) {
        best_score = score;
        best = m.actor;
      }
    }
    return best;
  }

  // Knowledge-base actors of the surface t[a, b); when `folded`, ignoring
  // case if the exact form is unknown (*exact tells which matched).
  const std::vector<AliasMatch>* FindKb(const std::vector<Token>& t, int a,
                                        int b, bool folded,
                                        bool* exact = nullptr) {
    JoinTo(t, a, b, &key_);
    const auto* m = kb_.Find(key_);
    if (exact != nullptr) *exact = m != nullptr;
    if (m == nullptr && folded) m = kb_.FindFolded(key_);
    return m;
  }

  void AddMention(int si, const SentenceTokens& s, int a, int b, ActorType type,
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
    AddMention(std::move(m));
  }

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
      if (std::find(texts.begin(), texts.end(), text) == texts.end()) {
        texts.push_back(std::move(text));
      }
      ArticleActor& a = result_.actors[m.actor];
      ++a.mention_count;
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
  bool TryHonorific(int si, const SentenceTokens& s, int i, int n, int* next);
  bool TryKbOrName(int si, const SentenceTokens& s, int i, int n, bool headline,
                   bool titlecase, int* next);
  bool TryCompound(int si, const SentenceTokens& s, int i);
  bool TryGroupReference(int si, const SentenceTokens& s, int i, int n, int* next);
  int ResolvePersonName(const std::vector<Token>& t, int a, int b,
                        const std::string& title, const std::string& owner,
                        std::string* evidence);
  void DiscoverSpan(int si, const SentenceTokens& s, int a, int b, bool headline,
                    bool titlecase, bool sentence_initial);

  const KnowledgeBase& kb_;
  const Lexicon& lex_;
  absl::string_view body_;
  std::string date_;
  MentionResult result_;
  absl::flat_hash_map<int, int> kb_to_actor_;
  absl::flat_hash_map<std::string, int> id_to_actor_;
  absl::flat_hash_map<std::string, int> name_parts_;
  absl::flat_hash_map<std::string, std::string> title_owner_;
  int last_person_ = -1;
  std::string last_government_;  // country of the last official mentioned
  absl::flat_hash_map<std::string, int> by_folded_name_;
  absl::flat_hash_set<int> cue_typed_;
  bool second_pass_ = false;
  // Facts of every token, by sentence; made on the first pass.
  std::vector<std::vector<TokenFacts>> sentence_facts_;
  std::vector<TokenFacts>* facts_ = nullptr;  // of the current sentence
  std::string key_;  // scratch for knowledge-base lookups
};

int ArticleState::ResolvePersonName(const std::vector<Token>& t, int a, int b,
                                    const std::string& title,
                                    const std::string& owner,
                                    std::string* evidence) {
  // Knowledge base, longest first.
  for (int e = b; e > a; --e) {
    const auto* m = FindKb(t, a, e, false);
    if (m == nullptr) continue;
    int k = ChooseKb(*m, true);
    if (k >= 0) {
      *evidence = "kb:alias";
      return ActorForKb(k);
    }
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
        return ActorForKb(h);
      }
    }
  }
  if (b - a == 1) {
    int linked = LinkedName(t[a].text);
    if (linked >= 0) {
      *evidence = "article:name";
      return linked;
    }
  }
  *evidence = "discovered:title";
  return Discover(Join(t, a, b), claims::v1::PERSON);
}

bool ArticleState::TryTitle(int si, const SentenceTokens& s, int i, int n,
                            int* next) {
  const auto& t = s.tokens;
  int j = i;
  bool the = false;
  if (j < n && absl::string_view(t[j].lower) == "the") {
    the = true;
    ++j;
  }
  if (j < n && absl::string_view(t[j].lower) == "former") ++j;
  // Qualifier: a country, organisation or curated subdivision ("Israeli",
  // "US", "UN", "Scottish", "California").
  std::string owner;
  int qa = -1, qb = -1, qkb = -1;
  for (int k = j < n ? std::min({3, n - j, Facts(j).alias_words}) : 0;
       k >= 1; --k) {
    if (!t[j].capitalized) break;
    const auto* m = FindKb(t, j, j + k, false);
    if (m == nullptr) continue;
    for (const AliasMatch& am : *m) {
      const KbActor& a = kb_.actor(am.actor);
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
  if (!owner.empty()) {
    j = qb;
    if (j < n && t[j].possessive) ++j;
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
  if (title.empty()) return false;
  bool title_capitalized = t[j].capitalized;
  // Name after the title.
  int ne = te;
  while (ne < n && ne - te < 4 && IsNameToken(t[ne]) &&
         !IsNameStop(t[ne].lower)) {
    ++ne;
  }
  if (ne > te && title_capitalized) {
    std::string inferred_owner = owner;
    if (inferred_owner.empty()) {
      auto it = title_owner_.find(title);
      if (it != title_owner_.end()) inferred_owner = it->second;
    }
    std::string evidence;
    int actor = ResolvePersonName(t, te, ne, title, inferred_owner, &evidence);
    if (qkb >= 0) {
      AddMention(si, s, qa, qb, kb_.actor(qkb).type, ActorForKb(qkb),
                 "kb:qualifier");
      title_owner_[title] = owner;
    }
    AddMention(si, s, te, ne, claims::v1::PERSON, actor,
               absl::StrCat(evidence, "+title:", title));
    AddAliasText(actor, t[qa >= 0 ? qa : j].start, t[ne - 1].end);
    *next = ne;
    return true;
  }
  if (!the && owner.empty()) return false;
  if (!the && !title_capitalized) return false;
  if (owner.empty()) {
    auto it = title_owner_.find(title);
    if (it != title_owner_.end()) owner = it->second;
  }
  int holder = -1;
  if (!owner.empty()) {
    holder = kb_.OfficeHolder(title, owner, date_);
  } else {
    // An office holder already named in the article ("the President"); the
    // first one named, so the answer does not depend on hash order.
    for (const ArticleActor& a : result_.actors) {
      if (a.kb_index >= 0 && kb_.HeldTitle(a.kb_index, title, date_)) {
        holder = a.kb_index;
        break;
      }
    }
  }
  if (holder < 0) {
    if (qkb >= 0) {
      AddMention(si, s, qa, qb, kb_.actor(qkb).type, ActorForKb(qkb),
                 "kb:qualifier");
    }
    *next = te;
    return true;
  }
  if (!owner.empty()) title_owner_[title] = owner;
  AddMention(si, s, i, te, claims::v1::PERSON, ActorForKb(holder),
             absl::StrCat("role:", title, owner.empty() ? "" : "@", owner));
  *next = te;
  return true;
}

bool ArticleState::TryHonorific(int si, const SentenceTokens& s, int i, int n,
                                int* next) {
  const auto& t = s.tokens;
  if (!t[i].capitalized || i + 1 >= n) return false;
  if (Honorific(t, i) != claims::v1::PERSON) return false;
  if (!IsNameToken(t[i + 1]) || IsNameStop(t[i + 1].lower)) {
    return false;
  }
  int ne = i + 1;
  while (ne < n && ne - (i + 1) < 3 && IsNameToken(t[ne]) &&
         !IsNameStop(t[ne].lower)) {
    ++ne;
  }
  std::string evidence;
  int actor = ResolvePersonName(t, i + 1, ne, "", "", &evidence);
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
  if (w0 == "the" && (w1 == "administration" || w1 == "government") &&
      !last_government_.empty()) {
    int k = kb_.IndexOf(last_government_);
    if (k < 0) return false;
    AddMention(si, s, i, i + 2, kb_.actor(k).type, ActorForKb(k),
               absl::StrCat("article:", w1));
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
    if (act.type != claims::v1::PERSON || act.mention_count == 0) continue;
    int idx = static_cast<int>(a);
    if (first < 0 || act.mention_count > result_.actors[first].mention_count) {
      second = first;
      first = idx;
    } else if (second < 0 || act.mention_count > result_.actors[second].mention_count) {
      second = idx;
    }
  }
  if (first < 0 || second < 0) return false;
  for (int a : {first, second}) {
    AddMention(si, s, i, end, claims::v1::PERSON, a, "article:both-leaders");
  }
  *next = end;
  return true;
}

// Hyphenated compounds whose parts are known: "Trump-Netanyahu",
// "US-Israeli", "pro-Israel".
bool ArticleState::TryCompound(int si, const SentenceTokens& s, int i) {
  const Token& tok = s.tokens[i];
  if (tok.text.find('-') == absl::string_view::npos) return false;
  bool any = false;
  size_t offset = 0;
  for (absl::string_view part : absl::StrSplit(tok.text, '-')) {
    size_t ps = tok.start + offset;
    offset += part.size() + 1;
    if (part.empty()) continue;
    size_t len;
    if (!text::IsUpper(text::DecodeAt(part, 0, &len))) continue;
    int actor = -1;
    ActorType type = claims::v1::ACTOR_TYPE_UNSPECIFIED;
    std::string evidence;
    if (const auto* m = kb_.Find(part)) {
      int k = ChooseKb(*m, false);
      if (k >= 0) {
        actor = ActorForKb(k);
        type = kb_.actor(k).type;
        evidence = "kb:compound";
        for (const auto& am : *m) {
          if (am.actor == k && am.kind == AliasKind::kGroupName) type = claims::v1::GROUP;
        }
      }
    }
    if (actor < 0) {
      int linked = LinkedName(part);
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
    AddMention(std::move(m));
    any = true;
  }
  return any;
}

void ArticleState::DiscoverSpan(int si, const SentenceTokens& s, int a, int b,
                                bool headline, bool titlecase,
                                bool sentence_initial) {
  const auto& t = s.tokens;
  // Leading function words and, at the start of a sentence, common words
  // are not part of a name.
  while (a < b && ((!t[a].all_caps && IsFunctionWord(a)) ||
                   (sentence_initial && IsDictionaryWord(t, a) &&
                    !lex_.IsGivenName(t[a].text)) ||
                   IsCalendarWord(t[a].text) ||
                   Honorific(t, a) != claims::v1::ACTOR_TYPE_UNSPECIFIED)) {
    sentence_initial = false;
    ++a;
  }
  while (b > a && (IsConnector(t[b - 1].lower) || IsCalendarWord(t[b - 1].text))) --b;
  if (a >= b) return;
  std::string name = Join(t, a, b);
  if (headline || titlecase) {
    // Names the article spells out elsewhere ("LEICESTERSHIRE").
    auto it = by_folded_name_.find(Lower(name));
    if (it != by_folded_name_.end() && it->second >= 0) {
      AddMention(si, s, a, b, result_.actors[it->second].type, it->second,
                 "article:name-folded");
      return;
    }
    if (headline && b - a == 1) {
      int linked = LinkedName(t[a].text);
      if (linked >= 0) {
        AddMention(si, s, a, b, result_.actors[linked].type, linked, "article:name");
      }
    }
    if (headline) return;
  }
  // Linked short name ("Alexander", "Ben-Gvir", "Evangeline").
  if (b - a == 1) {
    int linked = LinkedName(t[a].text);
    if (linked >= 0) {
      AddMention(si, s, a, b, result_.actors[linked].type, linked, "article:name");
      return;
    }
  }
  size_t common = 0, dictionary = 0;
  for (int i = a; i < b; ++i) {
    if (IsCommonWord(t, i)) ++common;
    if (IsDictionaryWord(t, i) && !lex_.IsGivenName(t[i].text)) ++dictionary;
  }
  // Headings and titles capitalise every word: only names made of
  // non-dictionary words are names there.
  if (titlecase && (common > 0 || (s.section == claims::v1::SECTION_TITLE && dictionary > 0))) {
    return;
  }
  // Names of operations, events and agreements are not actors.
  if (lex_.IsEventWord(t[a].text) && b - a >= 2) {
    AddMention(si, s, a, b, claims::v1::OTHER_ACTOR, -1, "discovered:event");
    return;
  }
  // "Gideon's Chariots": a lone word owned by a name is part of that name.
  if (b - a == 1 && a >= 2 && t[a - 1].possessive && t[a - 2].capitalized) return;
  absl::string_view last = t[b - 1].text;
  ActorType type = claims::v1::ACTOR_TYPE_UNSPECIFIED;
  std::string evidence = "discovered";
  bool org_word = false;
  for (int i = a; i < b; ++i) org_word = org_word || lex_.IsOrgSuffix(t[i].text);
  if (lex_.IsOrgSuffix(last) || (b - a >= 3 && org_word)) {
    type = claims::v1::ORGANIZATION;
    evidence = "discovered:org-suffix";
  } else if (lex_.IsLocSuffix(last)) {
    type = claims::v1::LOCATION;
    evidence = "discovered:place-suffix";
  } else if (a > 0 && lex_.IsLocPreposition(t[a - 1].lower) && b - a == 1 &&
             common == 0) {
    type = claims::v1::LOCATION;
    evidence = "discovered:preposition";
  } else if (titlecase && common > 0) {
    return;  // title-case heading words
  } else if (b - a >= 2 && b - a <= 4 &&
             (common < static_cast<size_t>(b - a) || lex_.IsGivenName(t[a].text))) {
    bool all_alpha = true;
    for (int i = a; i < b; ++i) all_alpha = all_alpha && t[i].is_word && !t[i].all_caps;
    type = all_alpha ? claims::v1::PERSON : claims::v1::ORGANIZATION;
    evidence = all_alpha ? "discovered:name" : "discovered";
  } else if (b - a == 1) {
    if (t[a].text.size() == 1) return;  // a lone letter
    // Mid-sentence capitals are names even when the word is common ("Kent",
    // "Treasury"); adjectives of nationality or style are not actors.
    if (common > 0 && (sentence_initial || titlecase)) return;
    type = LooksLikeAdjective(t[a].text) ? claims::v1::OTHER_ACTOR
                                         : claims::v1::ORGANIZATION;
    if (a + 1 < static_cast<int>(t.size()) && IsSpeechVerb(t[a + 1].lower)) {
      type = claims::v1::PERSON;
      evidence = "discovered:speaker";
    }
  } else {
    type = claims::v1::ORGANIZATION;
  }
  if (titlecase && type == claims::v1::OTHER_ACTOR) return;
  int actor = type == claims::v1::OTHER_ACTOR ? -1 : Discover(name, type);
  if (actor >= 0) {
    // The type a cue gives wins over a default guess made elsewhere in the
    // article ("Arbil" ... "in Arbil"; "Dole" ... "Dole said").
    bool cue = evidence != "discovered";
    if (cue && !cue_typed_.contains(actor) &&
        result_.actors[actor].kb_index < 0) {
      result_.actors[actor].type = type;
      cue_typed_.insert(actor);
    }
    type = result_.actors[actor].type;
  }
  AddMention(si, s, a, b, type, actor, evidence);
}

bool ArticleState::TryKbOrName(int si, const SentenceTokens& s, int i, int n,
                               bool headline, bool titlecase, int* next) {
  const auto& t = s.tokens;
  const Token& tok = t[i];
  if (!tok.is_word || (!tok.all_caps && IsFunctionWord(i))) {
    return TryGroupReference(si, s, i, n, next);
  }
  bool cap = tok.capitalized;
  // Capitalised run starting here.
  int ce = i;
  if (cap) {
    ce = i + 1;
    while (ce < n && ce - i < kMaxNameTokens) {
      if (IsNameToken(t[ce]) && !t[ce - 1].possessive) {
        ++ce;
      } else if (ce > i && IsConnector(t[ce].text)) {
        int k = ce;
        while (k < n && k - ce < 3 && IsConnector(t[k].text)) ++k;
        if (k < n && IsNameToken(t[k])) {
          ce = k + 1;
        } else {
          break;
        }
      } else {
        break;
      }
    }
  }
  // Longest knowledge-base alias starting here.
  bool folded = headline || tok.all_caps;
  int ke = -1;
  const std::vector<AliasMatch>* km = nullptr;
  bool exact = false;
  for (int k = std::min(Facts(i).alias_words, n - i); k >= 1; --k) {
    const auto* m = FindKb(t, i, i + k, folded, &exact);
    if (m != nullptr) {
      ke = i + k;
      km = m;
      break;
    }
  }
  // Lower-case aliases are only trusted when written exactly.
  if (km != nullptr && !cap && !exact) km = nullptr;
  // Gazetteer names (cities, subdivisions) do not make a mention on their
  // own: the span is typed like any unknown name, and a place among them is
  // linked to its gazetteer entry (Discover).
  if (km != nullptr && km->front().kind == AliasKind::kGazetteer) km = nullptr;
  bool sentence_initial =
      i == 0 || (i > 0 && IsOpeningPunct(t[i - 1].text) &&
                 (i == 1 || t[i - 1].text == ":" || IsOpeningPunct(t[i - 2].text)));
  if (km != nullptr) {
    // A longer capitalised name ending in an organisation or place word wins
    // over a shorter alias inside it ("Middle East Institute").
    if (ce > ke && (lex_.IsOrgSuffix(t[ce - 1].text) || lex_.IsLocSuffix(t[ce - 1].text))) {
      DiscoverSpan(si, s, i, ce, headline, false, false);
      *next = ce;
      return true;
    }
    int k = ChooseKb(*km, false);
    // A surname alias also used for a person of this article.
    AliasKind kind = AliasKind::kName;
    for (const auto& am : *km) {
      if (am.actor == k) kind = am.kind;
    }
    // A longer capitalised name that only starts with a known word is a
    // different, unlisted name: "Paul Haarhuis", "China Daily",
    // "Cambridge United". Not when the rest is itself known ("Israel Hamas")
    // or a title.
    if (ce > ke && !headline && !titlecase && kind != AliasKind::kDemonym) {
      bool rest_known = FindKb(t, ke, ke + 1, false) != nullptr ||
                        kb_.FindTitle(t[ke].text) != nullptr ||
                        IsCalendarWord(t[ke].text) ||
                        Honorific(t, ke) != claims::v1::ACTOR_TYPE_UNSPECIFIED;
      if (!rest_known) {
        DiscoverSpan(si, s, i, ce, headline, titlecase, false);
        *next = ce;
        return true;
      }
    }
    int actor = ActorForKb(k);
    if (kind == AliasKind::kSurname && ke - i == 1) {
      int linked = LinkedName(tok.text);
      if (linked >= 0) actor = linked;
    }
    // Sentence-initial common word that happens to be an alias ("Labour").
    if (sentence_initial && ke - i == 1 && kind >= AliasKind::kSurname &&
        IsCommonWord(t, i) && !kb_to_actor_.contains(k)) {
      *next = i + 1;
      return true;
    }
    ActorType type = result_.actors[actor].type;
    if (kind == AliasKind::kGroupName) type = claims::v1::GROUP;
    static const char* kKindNames[] = {"kb:name",  "kb:alias",   "kb:capital",
                                       "kb:demonym", "kb:group", "kb:surname",
                                       "kb:gazetteer"};
    static_assert(sizeof(kKindNames) / sizeof(kKindNames[0]) ==
                  static_cast<int>(AliasKind::kGazetteer) + 1);
    AddMention(si, s, i, ke, type, actor, kKindNames[static_cast<int>(kind)]);
    *next = ke;
    return true;
  }
  if (TryCompound(si, s, i)) {
    *next = i + 1;
    return true;
  }
  if (!cap) return false;
  if (headline) {
    // All-caps text: only names known from the article body, longest first.
    for (int e = std::min(ce, i + 4); e > i; --e) {
      JoinTo(t, i, e, &key_);
      absl::AsciiStrToLower(&key_);
      auto it = by_folded_name_.find(key_);
      if (it != by_folded_name_.end() && it->second >= 0) {
        AddMention(si, s, i, e, result_.actors[it->second].type, it->second,
                   "article:name-folded");
        *next = e;
        return true;
      }
    }
    *next = i + 1;
    return true;
  }
  DiscoverSpan(si, s, i, ce, headline, titlecase, sentence_initial);
  *next = ce;
  return true;
}

void ArticleState::Process(int si, const SentenceTokens& s) {
  const auto& t = s.tokens;
  int n = std::min<int>(static_cast<int>(t.size()), kMaxTokensPerSentence);
  if (sentence_facts_.size() <= static_cast<size_t>(si)) {
    sentence_facts_.resize(static_cast<size_t>(si) + 1);
  }
  facts_ = &sentence_facts_[static_cast<size_t>(si)];
  if (facts_->size() != t.size()) {
    facts_->assign(t.size(), TokenFacts());
    for (int i = 0; i < n; ++i) {
      TokenFacts& f = (*facts_)[static_cast<size_t>(i)];
      const KnowledgeBase::WordsFrom from = kb_.MaxWordsFrom(t[i].lower);
      f.alias_words = from.alias;
      f.title_words = from.title;
      f.function_word = lex_.IsFunctionWord(t[i].lower);
    }
  }
  int words = 0, caps = 0, allcaps = 0;
  for (int i = 0; i < n; ++i) {
    if (!t[i].is_word) continue;
    ++words;
    if (t[i].capitalized) ++caps;
    if (t[i].all_caps || (t[i].text.size() == 1 && t[i].capitalized)) ++allcaps;
  }
  bool headline = words >= 3 && allcaps * 10 >= words * 8;
  bool titlecase = !headline &&
                   (s.section == claims::v1::SECTION_HEADING ||
                    s.section == claims::v1::SECTION_TITLE ||
                    (words >= 4 && caps * 10 >= words * 7));
  int i = 0;
  // A label such as "Image Caption:" or "Editor's note:" opens the sentence.
  for (int k = 1; k < std::min(n, 5); ++k) {
    if (t[k].text != ":") continue;
    bool label = true;
    for (int j = 0; j < k && label; ++j) {
      label = !t[j].is_word || t[j].possessive || IsDictionaryWord(t, j);
    }
    if (label) i = k + 1;
    break;
  }
  while (i < n) {
    int next = i + 1;
    if (TryTitle(si, s, i, n, &next) || TryHonorific(si, s, i, n, &next) ||
        TryKbOrName(si, s, i, n, headline, titlecase, &next)) {
      i = std::max(next, i + 1);
      continue;
    }
    ++i;
  }
}

}  // namespace

MentionResult MentionFinder::Find(absl::string_view body,
                                  const std::vector<SentenceTokens>& sentences,
                                  absl::string_view date,
                                  const std::vector<std::string>& authors) const {
  ArticleState state(kb_, lex_, body, date);
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
