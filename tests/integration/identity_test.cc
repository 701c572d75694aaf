// One identity across articles, against the real servers: a person first
// named in full and later by surname or honorific is one actor; two people
// of one surname stay two; role phrases resolve to nobody.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "cli/claims_client.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"

namespace claims::testing {
namespace {

using claims::v1::Article;

Article MakeArticle(const std::string& id, const std::string& date,
                    const std::string& body) {
  Article a;
  a.set_id(id);
  a.set_published(date);
  a.set_body(body);
  return a;
}

class IdentityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("claims-identity");
    auto ingest = ServerProcess::Start(ServerProcess::kIngest, dir_);
    ASSERT_TRUE(ingest.ok()) << ingest.status();
    ingest_ = *std::move(ingest);
    auto query = ServerProcess::Start(ServerProcess::kQuery, dir_);
    ASSERT_TRUE(query.ok()) << query.status();
    query_ = *std::move(query);
    client_ = std::make_unique<ClaimsClient>(
        ClaimsClient::Connect(ingest_->address()),
        ClaimsClient::Connect(query_->address()));
    client_->set_timeout(absl::Seconds(60));
  }
  void TearDown() override {
    client_.reset();
    query_.reset();
    ingest_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Ingest(const Article& article) {
    auto reply = client_->IngestArticle(article);
    ASSERT_TRUE(reply.ok()) << reply.status();
    last_sequence_ = reply->sequence();
  }

  // Articles (sorted ids) with a claim naming `actor`, and the ids of the
  // people those claims name.
  std::string Query(const std::string& actor,
                    std::set<std::string>* people = nullptr) {
    claims::v1::QueryClaimsRequest request;
    request.add_actors(actor);
    request.set_min_sequence(last_sequence_);
    auto items = client_->QueryAll(request);
    EXPECT_TRUE(items.ok()) << items.status();
    std::set<std::string> articles;
    if (!items.ok()) return "";
    for (const auto& item : *items) {
      articles.insert(item.claim().article_id());
      for (const auto* refs :
           {&item.claim().subjects(), &item.claim().objects()}) {
        for (const auto& r : *refs) {
          if (people != nullptr && r.type() == claims::v1::PERSON)
            people->insert(r.id());
        }
      }
    }
    std::string out;
    for (const std::string& a : articles) out += (out.empty() ? "" : " ") + a;
    return out;
  }

  std::string dir_;
  std::unique_ptr<ServerProcess> ingest_;
  std::unique_ptr<ServerProcess> query_;
  std::unique_ptr<ClaimsClient> client_;
  uint64_t last_sequence_ = 0;
};

TEST_F(IdentityTest,
       ALaterSurnameJoinsTheEarlierFullNameAndNamesakesStayApart) {
  Ingest(MakeArticle(
      "leeds-1", "2021-05-10",
      "Jane Smithfield, a Leeds city councillor, criticised the library "
      "closure on Monday. Smithfield said residents had signed a petition."));
  Ingest(MakeArticle(
      "leeds-2", "2021-06-02",
      "Ms Smithfield told a council meeting in Leeds on Wednesday that the "
      "petition had gathered 4,000 names."));
  Ingest(MakeArticle(
      "iowa-1", "2021-07-15",
      "Robert Smithfield, a farmer in Iowa, won a state award on Thursday "
      "for his work on soil conservation."));
  EXPECT_EQ(Query("Jane Smithfield"), "leeds-1 leeds-2");
  EXPECT_EQ(Query("Ms Smithfield"), "leeds-1 leeds-2");
  EXPECT_EQ(Query("Robert Smithfield"), "iowa-1");
}

// A later article that names her only by surname, as the speaker opening a
// sentence (a word the entity tagger never saw; see mentions.cc, the
// speaker of WidenedName).
TEST_F(IdentityTest, ALaterSpeakerNamedBySurnameAloneJoinsTheFullName) {
  Ingest(MakeArticle(
      "bus-1", "2019-03-04",
      "LEEDS - Harriet Quarrington, a councillor in Leeds, said the new bus "
      "plan was badly flawed."));
  Ingest(MakeArticle(
      "bus-2", "2020-05-11",
      "LEEDS - The council approved higher fares on Monday. Quarrington said "
      "passengers had not been consulted."));
  EXPECT_EQ(Query("Harriet Quarrington"), "bus-1 bus-2");
}

TEST_F(IdentityTest, ARolePhraseNeverReturnsSeveralPeople) {
  Ingest(MakeArticle(
      "uk-1", "2025-03-04",
      "LONDON - Prime Minister Keir Starmer met union leaders on Tuesday. "
      "The prime minister said talks would continue."));
  Ingest(MakeArticle(
      "il-1", "2025-03-05",
      "JERUSALEM - Prime Minister Benjamin Netanyahu met his cabinet on "
      "Wednesday. The prime minister said the talks had failed."));
  std::set<std::string> people;
  Query("the prime minister", &people);
  EXPECT_LE(people.size(), 1u);
  EXPECT_EQ(Query("Benjamin"), "");
  EXPECT_EQ(Query("Netanyahu"), "il-1");
}

}  // namespace
}  // namespace claims::testing
