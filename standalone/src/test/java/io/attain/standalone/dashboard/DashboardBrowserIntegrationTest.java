package io.attain.standalone.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attain.standalone.cli.CrmData;
import io.attain.standalone.cli.CrmImport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser (headless Chromium through Selenium): a slice of the published CRM export
 * (its first {@value #DEALS} opportunities, all reps, teams and products, with the sample plan) is imported through
 * the importer as users run it; then the page is driven as a manager and a rep would. Expected figures are computed
 * here from the CSV, not from the app. Screenshots of the main pages go to {@code target/screenshots/}.
 *
 * <p>Skips when Chromium or its driver is missing ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}, or
 * {@code ATTAIN_CHROMIUM}/{@code ATTAIN_CHROMEDRIVER}); {@code .ci/run} installs both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ATTAIN_ADMIN_TOKEN=" + DashboardBrowserIntegrationTest.ADMIN,
        "attain.security.tokens[" + DashboardBrowserIntegrationTest.REP + "]=REP:" + DashboardBrowserIntegrationTest.REP_ID
                + ":" + DashboardBrowserIntegrationTest.REP_TEAM})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIntegrationTest {

    static final String ADMIN = "dashboard-browser-admin-token-0123456789";
    static final String REP = "dashboard-browser-rep-token";
    /** A rep of the export and their team (the import names teams by their manager). */
    static final String REP_ID = "Darcel Schlecht";
    static final String REP_TEAM = "Melvin Marxen";
    static final int DEALS = 1200;
    static final String YEAR = "2017";
    static final String QUARTER = "2017-Q1";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("attain.data-dir", () -> CrmData.freshDataDirectory("dashboard-it-data"));
    }

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    io.attain.eventstore.MongoEventStorageEngine engine;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ChromeDriver browser;
    private WebDriverWait wait;
    /** 2017 revenue per agent of the slice, computed from the CSV. */
    private final Map<String, BigDecimal> revenue = new HashMap<>();
    private int won2017;
    /** {@link #QUARTER} revenue per agent of the slice. */
    private final Map<String, BigDecimal> quarterRevenue = new HashMap<>();
    /** Won deals of {@link #REP_ID} in the slice. */
    private int repWon;

    @BeforeAll
    void importTheSliceAndOpenTheBrowser(@org.junit.jupiter.api.io.TempDir Path slice) throws Exception {
        Path chromium = Path.of(env("ATTAIN_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(env("ATTAIN_CHROMEDRIVER", "/usr/bin/chromedriver"));
        assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driver),
                   "no Chromium here (" + chromium + ", " + driver + ")");
        Path dataset = CrmData.dataset();
        assumeTrue(dataset != null, "the CRM export is not beside the repository");

        for (String file : List.of("accounts.csv", "products.csv", "sales_teams.csv")) {
            Files.copy(dataset.resolve(file), slice.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> pipeline = Files.readAllLines(dataset.resolve("sales_pipeline.csv"), StandardCharsets.UTF_8);
        List<String> rows = pipeline.subList(0, Math.min(pipeline.size(), DEALS + 1));
        Files.write(slice.resolve("sales_pipeline.csv"), rows, StandardCharsets.UTF_8);
        for (String line : rows.subList(1, rows.size())) {
            String[] row = line.split(",", -1);   // opportunity_id,sales_agent,product,account,deal_stage,engage,close,value
            if (row[4].equals("Won") && !row[6].isEmpty() && quarterOf(row[6]).equals(QUARTER)) {
                quarterRevenue.merge(row[1], new BigDecimal(row[7]), BigDecimal::add);
            }
            if (row[4].equals("Won") && row[1].equals(REP_ID)) {
                repWon++;
            }
            if (row[4].equals("Won") && row[6].startsWith(YEAR)) {
                revenue.merge(row[1], new BigDecimal(row[7]), BigDecimal::add);
                won2017++;
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = CrmImport.run(new String[]{"crm", slice.toString(), "--server", base(), "--plan",
                                                CrmData.samplePlan().toString()},
                                   Map.of("ATTAIN_TOKEN", ADMIN), new PrintStream(out, true, StandardCharsets.UTF_8),
                                   System.err);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        // the read models the page shows, at least as far as the log's head after the import
        long head = engine.allocatedPositions();
        for (String read : List.of("/api/v1/leaderboards/" + YEAR, "/api/v1/funnel/" + YEAR)) {
            // each answer waits up to the consistency timeout for the position, then says "not yet" (503)
            Awaitility.await(read + " at " + head).atMost(Duration.ofMinutes(2))
                      .until(() -> get(read + "?minPosition=" + head, ADMIN).statusCode() == 200);
        }
        // the commission process books the statements after the import: wait for the rep's first one
        Awaitility.await("the rep's statement of " + QUARTER).atMost(Duration.ofMinutes(2))
                  .until(() -> get("/api/v1/statements/" + encode(REP_ID) + "/" + QUARTER, REP).statusCode() == 200);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                             "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                                                                      .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void signInAndSeeTheLeaderboardWithTheTopRep() throws Exception {
        browser.get(base() + "/");
        signIn(ADMIN);
        browser.get(base() + "/#/leaderboards/" + YEAR);
        String top = expectedRanking().get(0);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#leaderboard tbody tr:first-child td.rep"), top));

        List<Row> rows = boardRows();
        assertThat(rows.stream().map(Row::rep).toList()).containsExactlyInAnyOrderElementsOf(revenue.keySet());
        assertThat(rows.get(0).name()).isEqualTo(top);
        assertThat(rows.get(0).value().replace(",", "")).isEqualTo(revenue.get(top).stripTrailingZeros().toPlainString());
        assertThat(rows.stream().map(Row::name).toList()).containsExactlyElementsOf(expectedRanking());
        screenshot("leaderboard");

        browser.manage().window().setSize(new Dimension(390, 844));   // a phone's width
        screenshot("leaderboard-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    @Order(3)
    void theFunnelShowsTheYearsWonDeals() throws Exception {
        browser.get(base() + "/#/funnel/" + YEAR);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel svg g.stage")));
        WebElement won = browser.findElement(By.xpath("//div[@class='card'][div[@class='k' and text()='Won']]/div[@class='v']"));
        assertThat(won.getText()).isEqualTo(String.valueOf(won2017));
        assertThat(browser.findElements(By.cssSelector("#funnel svg g.stage"))).isNotEmpty();
        assertThat(browser.findElement(By.id("funnel-stages")).getText()).contains("WON");
        screenshot("funnel");
    }

    @Test
    @Order(2)
    void attainmentShowsPaceAndFlagsTheRepsAtRisk() throws Exception {
        BigDecimal target = new BigDecimal(json.readTree(CrmData.samplePlan().toFile())
                                               .get("quarterlyTarget").get("amount").asText());
        browser.get(base() + "/#/attainment/" + QUARTER + "?team=" + encode(REP_TEAM));
        By row = By.cssSelector("#attainment tbody tr[data-rep='" + REP_ID + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        String text = browser.findElement(row).getText();
        BigDecimal actual = quarterRevenue.getOrDefault(REP_ID, BigDecimal.ZERO);
        assertThat(text.replace(",", "")).contains(target.stripTrailingZeros().toPlainString())
                                         .contains(actual.stripTrailingZeros().toPlainString());
        // the quarter is over (as of today, the pace is the whole target): at risk when more than the default margin
        // (attain.query.attainment.at-risk-margin = 0.1) behind it
        boolean atRisk = actual.compareTo(target.multiply(new BigDecimal("0.9"))) < 0;
        assertThat(text).contains(atRisk ? "at risk" : "on pace");
        screenshot("attainment");
    }

    @Test
    @Order(4)
    void aWonDealMovesItsRepToTheTopWithinASecond() throws Exception {
        browser.get(base() + "/#/leaderboards/" + YEAR);
        List<String> ranking = expectedRanking();
        String top = ranking.get(0);
        String last = ranking.get(ranking.size() - 1);
        By lastRow = By.cssSelector("#leaderboard tbody tr[data-rep='" + last + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(lastRow));
        wait.until(d -> "Live".equals(d.findElement(By.id("live-status")).getText()));

        BigDecimal amount = revenue.get(top).add(new BigDecimal("1000"));
        String dealId = "browser-" + System.nanoTime();
        post("/api/v1/deals", Map.of("dealId", dealId, "ownerRepId", last, "customer", "Browser Test Account",
                "productLine", "GTX Basic", "channel", "DIRECT", "amount", amount, "currency", "USD",
                "stage", "NEGOTIATION", "occurredAt", "2017-06-01T09:00:00Z", "expectedCloseDate", "2017-06-30"));
        post("/api/v1/deals/" + dealId + "/stage", Map.of("stage", "WON", "occurredAt", "2017-06-30T12:00:00Z"));
        long answered = System.nanoTime();

        Row row = new WebDriverWait(browser, Duration.ofSeconds(1), Duration.ofMillis(20)).until(d -> {
            List<Row> rows = boardRows();
            return !rows.isEmpty() && last.equals(rows.get(0).rep()) ? rows.get(0) : null;
        });
        long millis = (System.nanoTime() - answered) / 1_000_000;
        assertThat(row.classes()).as("the changed row is highlighted").contains("changed");
        assertThat(row.value().replace(",", "")).isEqualTo(revenue.get(last).add(amount).stripTrailingZeros().toPlainString());
        assertThat(row.text()).contains("▲");
        System.err.printf("dashboard: won deal answered -> leaderboard row on top in the page after %d ms%n", millis);
        screenshot("leaderboard-live");
    }

    @Test
    @Order(5)
    void aRepSeesTheirOwnStatementAndNoOneElses() throws Exception {
        browser.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("token")));
        signIn(REP);

        String other = expectedRanking().stream().filter(r -> !r.equals(REP_ID)).findFirst().orElseThrow();
        browser.get(base() + "/#/reps/" + encode(other) + "/" + QUARTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("statement"), "Not permitted"));
        assertThat(browser.findElements(By.id("statement-totals"))).isEmpty();

        browser.get(base() + "/#/reps/" + encode(REP_ID) + "/" + QUARTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement-totals")));
        assertThat(browser.findElement(By.id("statement-totals")).getText()).contains("USD");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#scorecard h2"), "Scorecard"));
        screenshot("rep");
    }

    @Test
    @Order(6)
    void aRepsDealListHoldsTheirDealsOnly() throws Exception {
        // still signed in as the REP (order 5)
        browser.get(base() + "/#/deals?stage=WON");
        By summary = By.cssSelector(".pager span");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(summary, " deals"));
        assertThat(browser.findElement(summary).getText()).endsWith("· " + repWon + " deals");
        List<WebElement> owners = browser.findElements(By.cssSelector("#deals tbody tr[data-deal] td:nth-child(3)"));
        assertThat(owners).hasSize(Math.min(repWon, 50));
        assertThat(owners).allSatisfy(owner -> assertThat(owner.getText()).isEqualTo(REP_ID));

        browser.get(base() + "/#/reps/" + encode(REP_ID) + "/" + YEAR);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rep-deals #deals")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rep-activities"), "visits"));
        assertThat(browser.findElement(By.id("rep-activities")).getText()).contains("0 visits");
    }

    @Test
    @Order(7)
    void theDealListPagesThroughEveryDealAndOpensATimeline() throws Exception {
        browser.findElement(By.id("signout")).click();
        signIn(ADMIN);
        browser.get(base() + "/#/deals");
        By summary = By.cssSelector(".pager span");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(summary, " deals"));
        int total = DEALS + 1; // the slice and the deal won in the browser test
        int pages = (total + 49) / 50;
        assertThat(browser.findElement(summary).getText()).isEqualTo("Page 1 of " + pages + " · " + total + " deals");
        assertThat(browser.findElements(By.cssSelector("#deals tbody tr[data-deal]"))).hasSize(50);
        String first = browser.findElement(By.cssSelector("#deals tbody tr[data-deal]")).getAttribute("data-deal");
        browser.findElement(By.xpath("//button[contains(., 'Next')]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(summary, "Page 2 of " + pages));
        assertThat(browser.getCurrentUrl()).contains("page=1");
        assertThat(browser.findElements(By.cssSelector("#deals tbody tr[data-deal='" + first + "']"))).isEmpty();
        screenshot("deals");

        browser.get(base() + "/#/deals?owner=" + encode(REP_ID) + "&stage=WON");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(summary, "· " + repWon + " deals"));
        WebElement deal = browser.findElement(By.cssSelector("#deals tbody tr[data-deal] td a"));
        String dealId = deal.getText();
        deal.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("DealOpened").contains("DealWon");
        assertThat(browser.getCurrentUrl()).endsWith("#/deals/" + dealId);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** A leaderboard row as the page shows it. */
    record Row(String rep, String name, String value, String classes, String text) {
    }

    /** The leaderboard's rows, read in one script (the page redraws the table on every live update). */
    @SuppressWarnings("unchecked")
    private List<Row> boardRows() {
        List<Map<String, String>> rows = (List<Map<String, String>>) browser.executeScript(
                "return [...document.querySelectorAll('#leaderboard tbody tr[data-rep]')].map(r => ({rep: r.dataset.rep, "
                + "name: r.querySelector('td.rep').textContent, value: r.querySelector('td.value').textContent, "
                + "classes: r.className, text: r.innerText}));");
        return rows.stream().map(r -> new Row(r.get("rep"), r.get("name"), r.get("value"), r.get("classes"), r.get("text")))
                   .toList();
    }

    /** Reps with 2017 revenue, best first (value descending, then name), as the leaderboard orders them. */
    private List<String> expectedRanking() {
        return revenue.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                                 .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private void signIn(String token) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("token")));
        field.sendKeys(token, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signout")));
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
                                    .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void post(String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quarterOf(String date) {
        return date.substring(0, 4) + "-Q" + ((Integer.parseInt(date.substring(5, 7)) - 1) / 3 + 1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
