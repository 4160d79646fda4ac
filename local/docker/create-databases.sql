-- One database per service (run once by the postgres image on an empty volume).
CREATE DATABASE groups;
CREATE DATABASE meetings;
CREATE DATABASE economy;
