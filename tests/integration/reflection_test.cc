// Server reflection serves every service it lists, health included: for
// each service of both real servers the test fetches the descriptor through
// reflection alone and builds calls from it, as grpcurl does.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"
#include "tests/reflection/reflection_client.h"

namespace claims::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsSupersetOf;

class ReflectionTest : public ::testing::TestWithParam<ServerProcess::Kind> {
 protected:
  static void SetUpTestSuite() {
    auto pair = ServerPair::Start("claims-reflection");
    ASSERT_TRUE(pair.ok()) << pair.status();
    pair_ = pair->release();
  }
  static void TearDownTestSuite() { delete pair_; }

  ReflectionClient Client() const {
    const ServerProcess* server =
        GetParam() == ServerProcess::kIngest ? pair_->ingest.get() : pair_->query.get();
    return ReflectionClient(grpc::CreateChannel(
        server->address(), grpc::InsecureChannelCredentials()));
  }
  std::string OwnService() const {
    return GetParam() == ServerProcess::kIngest ? "claims.v1.IngestService"
                                                : "claims.v1.QueryService";
  }

  static ServerPair* pair_;
};
ServerPair* ReflectionTest::pair_ = nullptr;

TEST_P(ReflectionTest, EveryListedServiceHasItsDescriptor) {
  ReflectionClient client = Client();
  auto services = client.ListServices();
  ASSERT_TRUE(services.ok()) << services.status();
  EXPECT_THAT(*services,
              IsSupersetOf({std::string("grpc.health.v1.Health"),
                            std::string("grpc.reflection.v1alpha.ServerReflection"),
                            OwnService()}));
  for (const std::string& name : *services) {
    auto service = client.FindService(name);
    ASSERT_TRUE(service.ok()) << name << ": " << service.status();
    EXPECT_GT((*service)->method_count(), 0) << name;
    for (int i = 0; i < (*service)->method_count(); ++i) {
      EXPECT_NE((*service)->method(i)->input_type(), nullptr);
      EXPECT_NE((*service)->method(i)->output_type(), nullptr);
    }
  }
}

TEST_P(ReflectionTest, HealthCheckIsCallableFromItsReflectedDescriptor) {
  ReflectionClient client = Client();
  auto overall = client.CallJson("grpc.health.v1.Health/Check", "{}");
  ASSERT_TRUE(overall.ok()) << overall.status();
  EXPECT_THAT(*overall, HasSubstr("\"SERVING\""));
  auto own = client.CallJson("grpc.health.v1.Health/Check",
                             "{\"service\":\"" + OwnService() + "\"}");
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_THAT(*own, HasSubstr("\"SERVING\""));
}

// Every method of the service that takes one request gets a real call built
// from reflection: the server answers it (OK or a validation error), never
// UNIMPLEMENTED.
TEST_P(ReflectionTest, EveryUnaryMethodAnswersACallBuiltFromReflection) {
  ReflectionClient client = Client();
  auto service = client.FindService(OwnService());
  ASSERT_TRUE(service.ok()) << service.status();
  // Names first: a call may fetch new descriptor files.
  std::vector<std::string> methods;
  for (int i = 0; i < (*service)->method_count(); ++i) {
    const auto* method = (*service)->method(i);
    if (method->client_streaming()) continue;
    // CreateBackup writes files; a watch never ends by itself.
    if (method->name() == "CreateBackup" || method->name() == "WatchClaims") {
      continue;
    }
    methods.push_back(method->name());
  }
  int called = 0;
  for (const std::string& name : methods) {
    auto reply = client.CallJson(OwnService() + "/" + name, "{}");
    EXPECT_NE(reply.status().code(), absl::StatusCode::kUnimplemented)
        << name << ": " << reply.status();
    ++called;
  }
  EXPECT_GE(called, 3);
}

INSTANTIATE_TEST_SUITE_P(
    Servers, ReflectionTest,
    ::testing::Values(ServerProcess::kIngest, ServerProcess::kQuery),
    [](const ::testing::TestParamInfo<ServerProcess::Kind>& info) {
      return std::string(info.param == ServerProcess::kIngest ? "Ingest" : "Query");
    });

}  // namespace
}  // namespace claims::testing
