/**
 * Deployment and monitoring: a model registry in the journal ({@link org.mlcycle.toolkit.deploy.ModelRegistry}),
 * a real HTTP scoring endpoint on the loopback interface ({@link org.mlcycle.toolkit.deploy.ScoringServer},
 * {@link org.mlcycle.toolkit.deploy.ScoringClient}, {@link org.mlcycle.toolkit.deploy.Parity}), shadow runs
 * ({@link org.mlcycle.toolkit.deploy.Shadow}) and window-by-window monitoring with alerts, retrain
 * suggestions and retraining rules compared on one replay ({@link org.mlcycle.toolkit.deploy.Monitor},
 * {@link org.mlcycle.toolkit.deploy.Retraining}).
 */
package org.mlcycle.toolkit.deploy;
