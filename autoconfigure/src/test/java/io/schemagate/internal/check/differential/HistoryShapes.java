package io.schemagate.internal.check.differential;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import static io.schemagate.internal.check.differential.Scenario.V2;
import static io.schemagate.internal.check.differential.Scenario.VIEW;
import static io.schemagate.internal.check.differential.Scenario.checksum;

/**
 * The pasts a database can have: what releases' jobs, people and other tools did to it,
 * each leaving the application's migration folder as the release under test ships it.
 */
final class HistoryShapes {

	private static final String OTHER_VIEW = "CREATE OR REPLACE VIEW bread_names AS SELECT id, name FROM bread;\n";

	private HistoryShapes() {
	}

	static Map<String, Consumer<Scenario>> all() {
		Map<String, Consumer<Scenario>> shapes = new LinkedHashMap<>();
		shapes.put("no history", Scenario::firstRelease);
		shapes.put("all applied", (s) -> s.firstRelease().migrate());
		shapes.put("one pending", (
				s) -> s.firstRelease().delete("V3__seed_bread.sql").migrate().write("V3__seed_bread.sql", Scenario.V3));
		shapes.put("newer versioned applied",
				(s) -> s.firstRelease().write("V4__newer.sql", "SELECT 1;\n").migrate().delete("V4__newer.sql"));
		shapes.put("newer versioned failed", (s) -> s.firstRelease().migrate().row("4", "newer", "SQL", 44, false));
		shapes.put("own versioned failed",
				(s) -> s.firstRelease()
					.delete("V3__seed_bread.sql")
					.migrate()
					.write("V3__seed_bread.sql", Scenario.V3)
					.row("3", "seed bread", "SQL", checksum(Scenario.V3), false));
		shapes.put("older unknown failed", (s) -> s.firstRelease().migrate().row("2.5", "gone", "SQL", 25, false));
		shapes.put("failed repeatable run, then a good one",
				(s) -> s.firstRelease()
					.migrate()
					.row(null, "bread names", "SQL", 1, false)
					.row(null, "bread names", "SQL", checksum(VIEW), true));
		shapes.put("checksum changed",
				(s) -> s.firstRelease().migrate().write("V2__create_cake.sql", V2 + "-- changed\n"));
		shapes.put("description changed",
				(s) -> s.firstRelease().migrate().delete("V2__create_cake.sql").write("V2__create_torte.sql", V2));
		shapes.put("applied migration missing locally",
				(s) -> s.firstRelease().migrate().delete("V2__create_cake.sql"));
		shapes.put("repeatable changed", (s) -> s.firstRelease().migrate().write("R__bread_names.sql", OTHER_VIEW));
		shapes.put("repeatable added by a newer release",
				(s) -> s.firstRelease().migrate().row(null, "newer view", "SQL", 77, true));
		shapes.put("newer release's repeatable failed",
				(s) -> s.firstRelease().migrate().row(null, "newer view", "SQL", 77, false));
		shapes.put("unknown repeatable before known rows",
				(s) -> s.write("V1__create_bread.sql", Scenario.V1)
					.migrate()
					.row(null, "legacy view", "SQL", 55, true)
					.firstRelease()
					.migrate());
		shapes.put("own repeatable superseded by a newer release",
				(s) -> s.firstRelease().migrate().row(null, "bread names", "SQL", checksum(OTHER_VIEW), true));
		shapes.put("own repeatable never ran, another did",
				(s) -> s.firstRelease()
					.migrate()
					.row(null, "bread names", "SQL", 12345, true)
					.write("R__bread_names.sql", OTHER_VIEW));
		shapes.put("baseline row",
				(s) -> s.firstRelease()
					.write("V3__seed_bread.sql", "SELECT 3;\n")
					.write("R__bread_names.sql", "CREATE OR REPLACE VIEW bread_names AS SELECT 1 AS one;\n")
					.baseline("2")
					.migrate());
		shapes.put("baseline scripts on a fresh database",
				(s) -> s.firstRelease()
					.write("B2__baseline.sql", Scenario.V1 + V2)
					.delete("V1__create_bread.sql")
					.migrate()
					.write("V1__create_bread.sql", Scenario.V1));
		shapes.put("baseline script added later",
				(s) -> s.firstRelease().migrate().write("B2__baseline.sql", Scenario.V1 + V2));
		shapes.put("older version added out of order",
				(s) -> s.firstRelease().delete("V2__create_cake.sql").migrate().write("V2__create_cake.sql", V2));
		shapes.put("applied out of order",
				(s) -> s.firstRelease()
					.delete("V2__create_cake.sql")
					.migrate()
					.write("V2__create_cake.sql", V2)
					.migrate());
		shapes.put("deleted by repair", (s) -> s.firstRelease().migrate().delete("V2__create_cake.sql").repair());
		shapes.put("deleted by repair, back again",
				(s) -> s.firstRelease()
					.migrate()
					.delete("V2__create_cake.sql")
					.repair()
					.write("V2__create_cake.sql", V2));
		shapes.put("deleted twice",
				(s) -> s.firstRelease()
					.migrate()
					.row("2", "create cake", "DELETE", null, true)
					.row("2", "create cake", "DELETE", null, true));
		shapes.put("repeatable deleted by repair",
				(s) -> s.firstRelease().migrate().delete("R__bread_names.sql").repair());
		shapes.put("failed deletion row",
				(s) -> s.firstRelease().migrate().row("2", "create cake", "DELETE", null, false));
		shapes.put("undo row of a paid edition",
				(s) -> s.firstRelease().migrate().row("3", "seed bread", "UNDO_SQL", null, true));
		shapes.put("undo script row",
				(s) -> s.firstRelease().migrate().row("3", "seed bread", "UNDO_SCRIPT", null, true));
		shapes.put("legacy SPRING_JDBC row",
				(s) -> s.firstRelease().migrate().row("9", "spring", "SPRING_JDBC", null, true));
		shapes.put("type changed in the history",
				(s) -> s.firstRelease().migrate().sql("UPDATE {history} SET {type} = 'JDBC' WHERE {version} = '2'"));
		shapes.put("hidden folder with old scripts",
				(s) -> s.firstRelease().migrate().write(".archive/V9__old.sql", "SELECT 9;\n"));
		shapes.put("equal versions written differently",
				(s) -> s.firstRelease().migrate().row("1.0.0", "create bread", "SQL", checksum(Scenario.V1), true));
		shapes.put("placeholder in a repeatable",
				(s) -> s.firstRelease()
					.write("R__bread_names.sql",
							"CREATE OR REPLACE VIEW bread_names AS SELECT '${who}' AS who FROM bread;\n")
					.migrate(Map.of("who", "bakery")));
		shapes.put("escaped placeholder in a repeatable",
				(s) -> s.firstRelease()
					.write("R__bread_names.sql",
							"CREATE OR REPLACE VIEW bread_names AS SELECT '$${who}' AS who FROM bread;\n")
					.migrate(Map.of("who", "bakery")));
		shapes.put("placeholder replacement off for a script",
				(s) -> s.firstRelease()
					.write("R__bread_names.sql",
							"CREATE OR REPLACE VIEW bread_names AS SELECT '${nobody}' AS who FROM bread;\n")
					.write("R__bread_names.sql.conf", "placeholderReplacement=false\n")
					.migrate());
		shapes.put("empty description", (s) -> s.firstRelease().write("V4__.sql", "SELECT 4;\n").migrate());
		return shapes;
	}

}
