package dev.rehearse.assessment.access;

/**
 * A coach or an admin calling a coach endpoint. Admins see every candidate; coaches their cohorts'.
 */
public record Staff(String id, boolean admin) {}
