// Initiates the replica set rs0 of docker-compose.yml once; safe to run again (an initiated set is left alone).
// Run by the one-shot service `mongo-init`: mongosh --host mongo1:27017 /init/init-replica-set.js
const config = {
  _id: "rs0",
  members: [
    { _id: 0, host: "mongo1:27017", priority: 2 },
    { _id: 1, host: "mongo2:27017", priority: 1 },
    { _id: 2, host: "mongo3:27017", priority: 1 },
  ],
};

function initiated() {
  try {
    return rs.status().ok === 1;
  } catch (e) {
    if (e.codeName === "NotYetInitialized" || e.code === 94) {
      return false;
    }
    throw e;
  }
}

if (initiated()) {
  print("replica set rs0 is already initiated");
} else {
  try {
    rs.initiate(config);
    print("replica set rs0 initiated");
  } catch (e) {
    if (e.codeName !== "AlreadyInitialized" && e.code !== 23) {
      throw e;
    }
    print("replica set rs0 was initiated concurrently");
  }
}

// Wait until a primary is elected, so that the apps started after this service can write at once.
for (let i = 0; i < 120; i++) {
  const hello = db.adminCommand({ hello: 1 });
  if (hello.primary) {
    print("primary: " + hello.primary);
    quit(0);
  }
  sleep(1000);
}
print("no primary elected within 120 s");
quit(1);
