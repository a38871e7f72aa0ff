/**
 * The service: the Javalin app (routes in {@link org.civcheck.web.WebApp}), the JSON API, the
 * pages, and the RFC 9457 problem responses. Controllers do HTTP in and out; checking and storing
 * is {@link org.civcheck.web.AssessmentService}'s job.
 */
package org.civcheck.web;
