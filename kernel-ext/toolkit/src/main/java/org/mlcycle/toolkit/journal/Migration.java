package org.mlcycle.toolkit.journal;

import java.util.List;

/**
 * One step of the journal's schema: the version it brings the file to, what it does, and its SQL.
 * Steps run in order, each in its own transaction together with the version bump, so a file is
 * always at exactly one version. Released steps are never edited: a change is a new step.
 */
record Migration(int version, String description, List<String> statements) {

    /** Every step, oldest first; the last one's version is the schema this code writes. */
    static final List<Migration> ALL = List.of(
            new Migration(
                    1,
                    "stages, objectives, dataset versions, runs, models, deployments, alerts, exercises",
                    List.of("""
                            CREATE TABLE schema_migrations(
                                version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)""", """
                            CREATE TABLE stage_moves(
                                id INTEGER PRIMARY KEY,
                                stage TEXT NOT NULL CHECK (stage IN
                                    ('scoping','data','development','deployment','monitoring','business')),
                                note TEXT,
                                at INTEGER NOT NULL)""", """
                            CREATE TABLE objectives(
                                id INTEGER PRIMARY KEY,
                                metric TEXT NOT NULL,
                                constraints TEXT,
                                criteria TEXT,
                                stakeholders TEXT,
                                previous_id INTEGER REFERENCES objectives(id),
                                after_move INTEGER NOT NULL,
                                at INTEGER NOT NULL)""", """
                            CREATE TABLE datasets(
                                id INTEGER PRIMARY KEY,
                                name TEXT NOT NULL,
                                version INTEGER NOT NULL,
                                hash TEXT NOT NULL,
                                row_count INTEGER NOT NULL,
                                column_count INTEGER NOT NULL,
                                schema TEXT NOT NULL,
                                parent_id INTEGER REFERENCES datasets(id),
                                at INTEGER NOT NULL,
                                UNIQUE (name, version))""", """
                            CREATE TABLE dataset_blobs(
                                dataset_id INTEGER PRIMARY KEY REFERENCES datasets(id),
                                codec INTEGER NOT NULL,
                                data BLOB NOT NULL)""", """
                            CREATE TABLE runs(
                                id INTEGER PRIMARY KEY,
                                name TEXT NOT NULL,
                                status TEXT NOT NULL CHECK (status IN ('running','finished','failed')),
                                started_at INTEGER NOT NULL,
                                duration_ms INTEGER,
                                note TEXT)""", """
                            CREATE TABLE run_params(
                                run_id INTEGER NOT NULL REFERENCES runs(id),
                                key TEXT NOT NULL,
                                value TEXT NOT NULL,
                                PRIMARY KEY (run_id, key))""", """
                            CREATE TABLE run_metrics(
                                run_id INTEGER NOT NULL REFERENCES runs(id),
                                name TEXT NOT NULL,
                                value REAL NOT NULL,
                                PRIMARY KEY (run_id, name))""", """
                            CREATE TABLE run_data(
                                run_id INTEGER NOT NULL REFERENCES runs(id),
                                dataset_id INTEGER NOT NULL REFERENCES datasets(id),
                                PRIMARY KEY (run_id, dataset_id))""", """
                            CREATE TABLE models(
                                id INTEGER PRIMARY KEY,
                                name TEXT NOT NULL,
                                run_id INTEGER REFERENCES runs(id),
                                provenance TEXT,
                                at INTEGER NOT NULL)""", """
                            CREATE TABLE deployments(
                                id INTEGER PRIMARY KEY,
                                model_id INTEGER NOT NULL REFERENCES models(id),
                                target TEXT NOT NULL,
                                note TEXT,
                                at INTEGER NOT NULL)""", """
                            CREATE TABLE alerts(
                                id INTEGER PRIMARY KEY,
                                kind TEXT NOT NULL,
                                severity TEXT NOT NULL,
                                message TEXT NOT NULL,
                                at INTEGER NOT NULL)""", """
                            CREATE TABLE exercise_results(
                                id INTEGER PRIMARY KEY,
                                exercise TEXT NOT NULL,
                                passed INTEGER NOT NULL,
                                score REAL,
                                detail TEXT,
                                at INTEGER NOT NULL)""")),
            new Migration(
                    2,
                    "indexes for lineage and dataset lookups",
                    List.of(
                            "CREATE INDEX datasets_by_hash ON datasets(hash)",
                            "CREATE INDEX run_data_by_dataset ON run_data(dataset_id)",
                            "CREATE INDEX models_by_run ON models(run_id)",
                            "CREATE INDEX deployments_by_model ON deployments(model_id)")),
            new Migration(
                    3,
                    "model registry: named model versions, their data, metrics, stages and stage moves",
                    List.of(
                            """
                            CREATE TABLE registered_models(
                                id INTEGER PRIMARY KEY,
                                name TEXT NOT NULL,
                                version INTEGER NOT NULL,
                                model_id INTEGER NOT NULL REFERENCES models(id),
                                spec_hash TEXT NOT NULL,
                                input_schema TEXT NOT NULL,
                                stage TEXT NOT NULL CHECK (stage IN
                                    ('none','staging','production','shadow','archived')),
                                note TEXT,
                                at INTEGER NOT NULL,
                                UNIQUE (name, version))""",
                            """
                            CREATE TABLE registered_model_blobs(
                                registered_id INTEGER PRIMARY KEY REFERENCES registered_models(id),
                                data BLOB NOT NULL)""",
                            """
                            CREATE TABLE registered_model_data(
                                registered_id INTEGER NOT NULL REFERENCES registered_models(id),
                                dataset_id INTEGER NOT NULL REFERENCES datasets(id),
                                PRIMARY KEY (registered_id, dataset_id))""",
                            """
                            CREATE TABLE registered_model_metrics(
                                registered_id INTEGER NOT NULL REFERENCES registered_models(id),
                                name TEXT NOT NULL,
                                value REAL NOT NULL,
                                PRIMARY KEY (registered_id, name))""",
                            """
                            CREATE TABLE model_stage_moves(
                                id INTEGER PRIMARY KEY,
                                registered_id INTEGER NOT NULL REFERENCES registered_models(id),
                                from_stage TEXT NOT NULL,
                                to_stage TEXT NOT NULL,
                                note TEXT,
                                at INTEGER NOT NULL)""",
                            "CREATE INDEX model_stage_moves_by_model ON model_stage_moves(registered_id)")),
            new Migration(
                    4,
                    "exercise attempts know their lesson and kind (check or reveal)",
                    List.of(
                            "ALTER TABLE exercise_results ADD COLUMN lesson TEXT",
                            "ALTER TABLE exercise_results ADD COLUMN kind TEXT NOT NULL DEFAULT 'check'"
                                    + " CHECK (kind IN ('check','reveal'))",
                            "CREATE INDEX exercise_results_by_exercise ON exercise_results(exercise)")));

    /** The schema version this code writes. */
    static int latest() {
        return ALL.get(ALL.size() - 1).version();
    }
}
