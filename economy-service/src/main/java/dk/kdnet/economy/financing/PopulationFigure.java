package dk.kdnet.economy.financing;

import java.time.LocalDate;

/** A population count on a reference date (e.g. 1 Jan 2023, Danmarks Statistik). */
public record PopulationFigure(long count, LocalDate referenceDate) {}
